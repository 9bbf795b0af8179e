//! A small reader of the tags and attributes in well-formed HTML output (text is escaped, so
//! every `<` followed by a letter opens a tag). Attribute values come back entity-decoded, as
//! a browser reads them.

/// Attributes that hold a URL a browser may navigate to or load.
pub const URL_ATTRS: [&str; 9] = [
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "background",
    "data",
    "cite",
];

pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

pub fn tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' || !b.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        i += 1;
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        let mut tag = Tag {
            name: html[start..i].to_ascii_lowercase(),
            attrs: Vec::new(),
        };
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let name_start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let name = html[name_start..i].to_ascii_lowercase();
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                i += 1;
                let (from, to) = match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[i + 1..].find(q as char).map_or(b.len(), |e| i + 1 + e);
                        let span = (i + 1, end);
                        i = (end + 1).min(b.len());
                        span
                    }
                    _ => {
                        let s = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        (s, i)
                    }
                };
                value = html_escape::decode_html_entities(&html[from..to]).into_owned();
            }
            tag.attrs.push((name, value));
        }
        out.push(tag);
    }
    out
}

#[test]
fn reads_tags_and_decoded_attributes() {
    let t = tags("<p>a &lt;b x=1&gt;</p><a href=\"j&#97;\" class='c' disabled>x</a><br/>");
    let names: Vec<_> = t.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["p", "a", "br"]);
    assert_eq!(
        t[1].attrs,
        [
            ("href".to_string(), "ja".to_string()),
            ("class".to_string(), "c".to_string()),
            ("disabled".to_string(), String::new())
        ]
    );
}
