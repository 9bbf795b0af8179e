//! Which language to speak: Chinese unless the locale or `--lang` asks for English.

/// A language of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Simplified Chinese, the default.
    Zh,
    En,
}

impl Lang {
    /// From the locale variables: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
    /// and not empty decides; English when it starts with `en`, Chinese otherwise (also for
    /// `C`, `POSIX` and no locale at all, as on Windows without `LANG`).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        let set = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&var)
            .find(|v| !v.is_empty());
        match set {
            Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Zh,
        }
    }

    /// `zh` or `en`, as `--lang` takes it.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh_cn" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    fn env(pairs: &[(&str, &str)]) -> Lang {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Lang::from_env(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
    }

    #[test]
    fn chinese_unless_the_locale_is_english() {
        assert_eq!(env(&[]), Lang::Zh);
        assert_eq!(env(&[("LANG", "C")]), Lang::Zh);
        assert_eq!(env(&[("LANG", "POSIX")]), Lang::Zh);
        assert_eq!(env(&[("LANG", "zh_CN.UTF-8")]), Lang::Zh);
        assert_eq!(env(&[("LANG", "en_US.UTF-8")]), Lang::En);
        assert_eq!(env(&[("LANG", "en")]), Lang::En);
    }

    #[test]
    fn the_first_variable_set_decides() {
        assert_eq!(env(&[("LC_ALL", "C"), ("LANG", "en_US.UTF-8")]), Lang::Zh);
        assert_eq!(env(&[("LC_ALL", ""), ("LANG", "en_US.UTF-8")]), Lang::En);
        assert_eq!(
            env(&[("LC_MESSAGES", "en_GB"), ("LANG", "zh_CN")]),
            Lang::En
        );
        assert_eq!(
            env(&[("LC_ALL", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_GB")]),
            Lang::Zh
        );
    }
}
