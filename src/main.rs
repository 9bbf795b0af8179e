fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or(".".into()));
    match guidepost::build::load_checked(&root) {
        Ok((m, i, d)) => {
            for x in d.sorted() { eprintln!("{x}"); }
            println!("ok: {} platforms, {} pages, {} ids", m.platforms.len(), m.pages.len(), i.ids.len());
        }
        Err(f) => { for x in f.0.sorted() { eprintln!("{x}"); } std::process::exit(1) }
    }
}
