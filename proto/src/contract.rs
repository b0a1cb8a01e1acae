//! Checks the Rust types against `records.proto`: same messages, same field
//! names, and JSON values of the kind the proto3 JSON mapping prescribes.

use super::*;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug)]
struct Field {
    repeated: bool,
    ty: String,
}

/// A deliberately small parser: the contract uses only messages with
/// `[optional|repeated] type name = N;` fields, and this test fails loudly
/// if the file grows a construct it does not understand.
fn parse_proto(text: &str) -> BTreeMap<String, BTreeMap<String, Field>> {
    let mut messages = BTreeMap::new();
    let mut current: Option<(String, BTreeMap<String, Field>)> = None;
    for raw_line in text.lines() {
        let line = raw_line.split("//").next().unwrap_or("").trim();
        if line.is_empty()
            || line.starts_with("syntax")
            || line.starts_with("package")
            || line.starts_with("option ")
        {
            continue;
        }
        if let Some(rest) = line.strip_prefix("message ") {
            let name = rest.trim_end_matches('{').trim().to_owned();
            assert!(
                current.is_none(),
                "nested messages are not supported: {name}"
            );
            current = Some((name, BTreeMap::new()));
            continue;
        }
        if line == "}" {
            let (name, fields) = current.take().expect("closing brace outside a message");
            messages.insert(name, fields);
            continue;
        }
        let (_, fields) = current
            .as_mut()
            .unwrap_or_else(|| panic!("unexpected line: {line}"));
        let decl = line
            .strip_suffix(';')
            .unwrap_or_else(|| panic!("not a field: {line}"));
        let (lhs, _number) = decl
            .split_once('=')
            .unwrap_or_else(|| panic!("no number: {line}"));
        let words: Vec<&str> = lhs.split_whitespace().collect();
        let (repeated, ty, name) = match words.as_slice() {
            ["repeated", ty, name] => (true, *ty, *name),
            ["optional", ty, name] => (false, *ty, *name),
            [ty, name] => (false, *ty, *name),
            _ => panic!("unsupported field declaration: {line}"),
        };
        fields.insert(
            name.to_owned(),
            Field {
                repeated,
                ty: ty.to_owned(),
            },
        );
    }
    messages
}

/// One fully populated example of every message, so that every field is
/// present in its JSON form.
fn examples() -> BTreeMap<&'static str, Value> {
    let dateline = Dateline {
        place: "الرباط".into(),
        agency: Some("AFP".into()),
    };
    let topic = TopicLabel {
        label: "security".into(),
        score: 0.9,
        evidence: vec!["أمن الحدود".into()],
    };
    let country = CountryMention {
        code: "MA".into(),
        mentions: 3,
        evidence: vec!["الرباط".into()],
    };
    let region = RegionLabel {
        code: "maghreb".into(),
        explicit: true,
    };
    let pipeline = PipelineInfo {
        code: "newsflow 0.1.0".into(),
        taxonomy: "t1".into(),
        gazetteer: "g1".into(),
    };
    let some = |s: &str| Some(s.to_owned());
    let raw = RawArticle {
        id: some("a"),
        url: some("u"),
        source: some("s"),
        published_at: some("p"),
        title: some("t"),
        body: some("b"),
        content_type: some("text/plain"),
        lang: some("ar"),
    };
    let cleaned = CleanedArticle {
        id: "a".into(),
        url: some("u"),
        source: some("s"),
        published_at: some("p"),
        title: "t".into(),
        body: "b".into(),
        language: "ar".into(),
        agencies: vec!["AFP".into()],
        dateline: Some(dateline.clone()),
    };
    let enriched = EnrichedArticle {
        id: "a".into(),
        url: some("u"),
        source: some("s"),
        published_at: some("p"),
        title: "t".into(),
        body: "b".into(),
        language: "ar".into(),
        agencies: vec!["AFP".into()],
        topics: vec![topic.clone()],
        countries: vec![country.clone()],
        primary_country: some("MA"),
        regions: vec![region.clone()],
        pipeline: pipeline.clone(),
    };
    let mut dead = DeadLetter::new(b"x", Stage::Clean, Reject::new(RejectReason::NotJson, "m"));
    dead.id = some("a");
    dead.topic = some("news.raw");
    dead.partition = Some(1);
    dead.offset = Some(2);
    dead.line = Some(3);

    let json = |v: &dyn erased::Ser| v.to_value();
    BTreeMap::from([
        ("RawArticle", json(&raw)),
        ("Dateline", json(&dateline)),
        ("CleanedArticle", json(&cleaned)),
        ("TopicLabel", json(&topic)),
        ("CountryMention", json(&country)),
        ("RegionLabel", json(&region)),
        ("PipelineInfo", json(&pipeline)),
        ("EnrichedArticle", json(&enriched)),
        ("DeadLetter", json(&dead)),
    ])
}

mod erased {
    pub trait Ser {
        fn to_value(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn to_value(&self) -> serde_json::Value {
            serde_json::to_value(self).expect("contract example serialises")
        }
    }
}

fn check_kind(message: &str, name: &str, field: &Field, value: &Value) {
    if field.repeated {
        let items = value
            .as_array()
            .unwrap_or_else(|| panic!("{message}.{name} must be a JSON array"));
        assert!(
            !items.is_empty(),
            "example for {message}.{name} must not be empty"
        );
        for item in items {
            check_scalar(message, name, &field.ty, item);
        }
        return;
    }
    check_scalar(message, name, &field.ty, value);
}

fn check_scalar(message: &str, name: &str, ty: &str, value: &Value) {
    let ok = match ty {
        "string" => value.is_string(),
        "bool" => value.is_boolean(),
        "double" | "float" | "int32" | "uint32" => value.is_number(),
        // proto3 JSON: 64-bit integers are strings.
        "int64" | "uint64" => value.is_string(),
        _ => value.is_object(),
    };
    assert!(
        ok,
        "{message}.{name}: JSON value {value} does not fit proto type {ty}"
    );
}

#[test]
fn rust_types_match_records_proto() {
    let messages = parse_proto(RECORDS_PROTO);
    let examples = examples();
    let proto_names: Vec<&String> = messages.keys().collect();
    let rust_names: Vec<&&str> = examples.keys().collect();
    assert_eq!(
        proto_names.len(),
        rust_names.len(),
        "messages in records.proto {proto_names:?} vs Rust examples {rust_names:?}"
    );
    for (message, fields) in &messages {
        let example = examples
            .get(message.as_str())
            .unwrap_or_else(|| panic!("no Rust type for message {message}"));
        let object = example.as_object().expect("messages serialise to objects");
        let proto_fields: Vec<&String> = fields.keys().collect();
        let mut json_fields: Vec<&String> = object.keys().collect();
        json_fields.sort();
        assert_eq!(proto_fields, json_fields, "fields of {message}");
        for (name, field) in fields {
            check_kind(message, name, field, &object[name]);
            if messages.contains_key(&field.ty) && !field.repeated {
                let nested = object[name]
                    .as_object()
                    .expect("nested message is an object");
                let expected: Vec<&String> = messages[&field.ty].keys().collect();
                let mut got: Vec<&String> = nested.keys().collect();
                got.sort();
                assert_eq!(expected, got, "fields of {message}.{name} ({})", field.ty);
            }
        }
    }
}
