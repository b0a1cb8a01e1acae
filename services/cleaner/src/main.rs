//! Worker binary; built in issue 5 on top of newsflow-kafka.
fn main() {
    eprintln!("this worker is not built yet: see issue 5");
    std::process::exit(70);
}
