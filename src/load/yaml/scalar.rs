//! What a plain scalar means to YAML 1.2's core schema, as serde_yaml reads it: `~`, `null`
//! and nothing are null, `true`/`false` booleans, decimal, `0x` and `0o` numbers, floats.

/// The value of one null-like plain scalar: `~`, `null`, or nothing.
pub fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

pub fn as_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

pub enum Number {
    U(u64),
    I(i64),
    F(f64),
}

pub fn as_number(text: &str) -> Option<Number> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let radix = |prefix: &str, radix: u32| {
        digits
            .strip_prefix(prefix)
            .and_then(|d| u64::from_str_radix(d, radix).ok())
    };
    let unsigned = radix("0x", 16).or_else(|| radix("0o", 8)).or_else(|| {
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    });
    if let Some(u) = unsigned {
        return if !negative {
            Some(Number::U(u))
        } else {
            i64::try_from(u).ok().map(|i| Number::I(-i))
        };
    }
    let float = match digits {
        ".inf" | ".Inf" | ".INF" => Some(f64::INFINITY),
        ".nan" | ".NaN" | ".NAN" => Some(f64::NAN),
        d if d.contains(['.', 'e', 'E'])
            && d.starts_with(|c: char| c.is_ascii_digit() || c == '.') =>
        {
            d.parse().ok()
        }
        _ => None,
    }?;
    Some(Number::F(if negative { -float } else { float }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> Option<String> {
        as_number(text).map(|n| match n {
            Number::U(u) => format!("u{u}"),
            Number::I(i) => format!("i{i}"),
            Number::F(f) => format!("f{f}"),
        })
    }

    #[test]
    fn plain_scalars_mean_what_yaml_says() {
        for (text, want) in [
            ("2022", Some("u2022")),
            ("+3", Some("u3")),
            ("-5", Some("i-5")),
            ("0x1F", Some("u31")),
            ("0o17", Some("u15")),
            ("1.5", Some("f1.5")),
            ("1e3", Some("f1000")),
            ("-.inf", Some("f-inf")),
            ("2022-02", None),
            ("3-5 个工作日", None),
            ("e3", None),
            ("", None),
        ] {
            assert_eq!(n(text).as_deref(), want, "{text:?}");
        }
        assert!(is_null("~") && is_null("") && is_null("null") && !is_null("none"));
        assert_eq!(as_bool("True"), Some(true));
        assert_eq!(as_bool("yes"), None, "YAML 1.2: yes is text");
    }
}
