//! The data files ship without their comment lines: each `data/*.txt` is copied into
//! `OUT_DIR/data/` with its `#` lines dropped, and the crate includes those copies
//! ([`data_file!`](src/lib.rs)). The headers (sources, licences, how each file was made) stay
//! in the repository, and 5.8 KB of them (2.2 KB gzipped) leave the wasm. Every reader of
//! these files skipped `#` lines already, so what the crate reads is unchanged.

use std::fs;
use std::path::Path;

fn main() {
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    fs::create_dir_all(&out).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=data");
    let mut names: Vec<_> = fs::read_dir("data")
        .expect("crate/data exists")
        .map(|e| e.expect("crate/data is readable").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for path in names {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("data files are UTF-8");
        let kept: String = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| [l, "\n"])
            .collect();
        fs::write(out.join(path.file_name().expect("a file name")), kept)
            .expect("OUT_DIR is writable");
    }
}
