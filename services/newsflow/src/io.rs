//! Input and output files: plain or gzip-compressed, or the standard streams.

use anyhow::Context as _;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::Path;

/// An input opened for line reading, with its size when known (for progress).
pub struct Input {
    pub reader: Box<dyn BufRead + Send>,
    /// Bytes on disk; `None` for stdin.
    pub len: Option<u64>,
    pub name: String,
}

/// Opens `path` (`-` or `None` for stdin); `.gz` files are decompressed.
/// The progress counter counts compressed bytes so it can reach the file size.
pub fn open_input(
    path: Option<&Path>,
    read_counter: Option<CountingHook>,
) -> anyhow::Result<Input> {
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        let stdin: Box<dyn Read + Send> = Box::new(std::io::stdin());
        return Ok(Input {
            reader: Box::new(BufReader::with_capacity(1 << 20, wrap(stdin, read_counter))),
            len: None,
            name: "<stdin>".into(),
        });
    };
    let file = File::open(path).with_context(|| format!("cannot open input {}", path.display()))?;
    let len = file.metadata().ok().map(|m| m.len());
    let counted = wrap(Box::new(file), read_counter);
    let reader: Box<dyn Read + Send> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(counted)))
    } else {
        counted
    };
    Ok(Input {
        reader: Box::new(BufReader::with_capacity(1 << 20, reader)),
        len,
        name: path.display().to_string(),
    })
}

/// Called with the number of bytes each read returned.
pub type CountingHook = Box<dyn Fn(u64) + Send>;

fn wrap(inner: Box<dyn Read + Send>, hook: Option<CountingHook>) -> Box<dyn Read + Send> {
    match hook {
        None => inner,
        Some(hook) => Box::new(Counting { inner, hook }),
    }
}

struct Counting {
    inner: Box<dyn Read + Send>,
    hook: CountingHook,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        (self.hook)(n as u64);
        Ok(n)
    }
}

/// Opens `path` for writing (`-` or `None` for stdout); `.gz` files are
/// compressed.
pub fn open_output(path: Option<&Path>) -> anyhow::Result<Box<dyn Write + Send>> {
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        return Ok(Box::new(BufWriter::with_capacity(
            1 << 20,
            std::io::stdout(),
        )));
    };
    let file =
        File::create(path).with_context(|| format!("cannot create output {}", path.display()))?;
    let writer = BufWriter::with_capacity(1 << 20, file);
    if path.extension().is_some_and(|e| e == "gz") {
        return Ok(Box::new(flate2::write::GzEncoder::new(
            writer,
            flate2::Compression::default(),
        )));
    }
    Ok(Box::new(writer))
}

/// Whether progress bars make sense: only for a person watching stderr.
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

/// Reads one line as bytes (invalid UTF-8 must reach the dead-letter file
/// intact), without its line ending. `Ok(false)` at end of input.
pub fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>) -> std::io::Result<bool> {
    buf.clear();
    if reader.read_until(b'\n', buf)? == 0 {
        return Ok(false);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(true)
}
