//! The languages Easel speaks, as Discord names them, and how each writes numbers, money and dates.
//! The words themselves are the Discord adapter's (`discord::words`, from the catalogues in `locales/`).

/// A language Easel speaks, named as Discord names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the fallback of every other language).
    #[default]
    EnUs,
    /// Simplified Chinese.
    ZhCn,
    /// Japanese.
    Ja,
    /// Spanish (Spain; also Latin America's `es-419`).
    EsEs,
    /// Brazilian Portuguese.
    PtBr,
    /// German.
    De,
    /// French.
    Fr,
    /// Korean.
    Ko,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 8] = [Lang::EnUs, Lang::ZhCn, Lang::Ja, Lang::EsEs, Lang::PtBr, Lang::De, Lang::Fr, Lang::Ko];

    /// Discord's code for the language (also the catalogue's file name).
    pub fn code(self) -> &'static str {
        match self {
            Lang::EnUs => "en-US",
            Lang::ZhCn => "zh-CN",
            Lang::Ja => "ja",
            Lang::EsEs => "es-ES",
            Lang::PtBr => "pt-BR",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Ko => "ko",
        }
    }

    /// The language's own name for itself (what `/settings language` offers).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::EnUs => "English",
            Lang::ZhCn => "简体中文",
            Lang::Ja => "日本語",
            Lang::EsEs => "Español",
            Lang::PtBr => "Português do Brasil",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Ko => "한국어",
        }
    }

    /// The language whose code is exactly `code` (any case): what `EASEL_DEFAULT_LOCALE` takes.
    pub fn exact(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// Its place in [`Lang::ALL`] (the order of the catalogues).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The language Discord's locale code names, if Easel speaks it (`en-GB` reads English, `es-419`
    /// Spanish); `None` for a language Easel does not speak.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim();
        if let Some(exact) = Lang::exact(code) {
            return Some(exact);
        }
        match code.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::EnUs),
            "es" => Some(Lang::EsEs),
            "pt" => Some(Lang::PtBr),
            "de" => Some(Lang::De),
            "fr" => Some(Lang::Fr),
            "ja" => Some(Lang::Ja),
            "ko" => Some(Lang::Ko),
            // Traditional Chinese readers are not served Simplified Chinese unasked.
            _ => None,
        }
    }

    /// The first of `codes` Easel speaks, else `fallback`.
    pub fn first_spoken<'a>(codes: impl IntoIterator<Item = Option<&'a str>>, fallback: Lang) -> Lang {
        codes.into_iter().flatten().find_map(Lang::from_code).unwrap_or(fallback)
    }

    /// Whether the language writes decimals with a comma.
    fn decimal_comma(self) -> bool {
        matches!(self, Lang::EsEs | Lang::PtBr | Lang::De | Lang::Fr)
    }

    /// `value` with `decimals` digits after the separator, as this language writes numbers.
    pub fn number(self, value: f64, decimals: usize) -> String {
        let plain = format!("{value:.decimals$}");
        let (whole, fraction) = plain.split_once('.').map_or((plain.as_str(), None), |(w, f)| (w, Some(f)));
        let (sign, digits) = whole.strip_prefix('-').map_or(("", whole), |d| ("-", d));
        let group = match self {
            Lang::EsEs | Lang::PtBr | Lang::De => ".",
            Lang::Fr => "\u{202f}",
            _ => ",",
        };
        // Spanish groups from five digits on ("1234", "12.345"); the others from four.
        let min_grouped = if self == Lang::EsEs { 5 } else { 4 };
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() >= min_grouped {
                grouped.push_str(group);
            }
            grouped.push(c);
        }
        match fraction {
            Some(f) => format!("{sign}{grouped}{}{f}", if self.decimal_comma() { "," } else { "." }),
            None => format!("{sign}{grouped}"),
        }
    }

    /// A calendar date as this language writes it (English: ISO 8601, which no reader misreads).
    pub fn date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let (y, m, d) = (date.year(), date.month(), date.day());
        match self {
            Lang::EnUs => date.format("%Y-%m-%d").to_string(),
            Lang::ZhCn | Lang::Ja => format!("{y}年{m}月{d}日"),
            Lang::Ko => format!("{y}년 {m}월 {d}일"),
            Lang::De => format!("{d}.{m}.{y}"),
            Lang::EsEs | Lang::PtBr | Lang::Fr => format!("{d:02}/{m:02}/{y}"),
        }
    }

    /// An amount of US dollars with `decimals` digits, as this language writes it.
    pub fn money(self, usd: f64, decimals: usize) -> String {
        let n = self.number(usd, decimals);
        match self {
            Lang::EnUs | Lang::Ja => format!("${n}"),
            Lang::ZhCn | Lang::Ko => format!("US${n}"),
            Lang::PtBr => format!("US$\u{a0}{n}"),
            Lang::EsEs => format!("{n}\u{a0}US$"),
            Lang::De | Lang::Fr => format!("{n}\u{a0}$"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_knows_its_place_in_the_list() {
        assert!(Lang::ALL.iter().enumerate().all(|(i, lang)| lang.index() == i));
    }

    #[test]
    fn discord_codes_name_languages_easel_speaks_or_none() {
        assert_eq!(Lang::from_code("de"), Some(Lang::De));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::EnUs));
        assert_eq!(Lang::from_code("es-419"), Some(Lang::EsEs));
        assert_eq!(Lang::from_code("zh-TW"), None);
        assert_eq!(Lang::first_spoken([Some("zh-TW"), Some("fr")], Lang::EnUs), Lang::Fr);
        assert_eq!(Lang::first_spoken([None, Some("nl")], Lang::Ja), Lang::Ja);
    }

    #[test]
    fn money_and_numbers_are_written_as_each_language_writes_them() {
        assert_eq!(Lang::EnUs.money(0.048, 3), "$0.048");
        assert_eq!(Lang::De.money(1234.5, 2), "1.234,50\u{a0}$");
        assert_eq!(Lang::Fr.number(12345.0, 0), "12\u{202f}345");
        assert_eq!(Lang::PtBr.money(10.0, 2), "US$\u{a0}10,00");
        assert_eq!(Lang::EnUs.number(1000.0, 0), "1,000");
        assert_eq!(Lang::EsEs.number(1000.0, 0), "1000", "Spanish groups from five digits");
        assert_eq!(Lang::EnUs.number(-0.5, 1), "-0.5");
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!((Lang::EnUs.date(date), Lang::De.date(date)), ("2026-12-07".into(), "7.12.2026".into()));
        assert_eq!(Lang::Ja.date(date), "2026年12月7日");
    }
}
