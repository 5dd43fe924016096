//! Metadata of text without markup: the headline line as a reader copied it, without a date
//! glued to its end ("…the Iranian People19 December 2017"), and the date itself.

use super::date;

/// The headline without a date glued to its end, and that date (ISO 8601).
pub fn headline(line: &str) -> (&str, Option<String>) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for w in chars.windows(2) {
        let ((_, before), (at, c)) = (w[0], w[1]);
        if !(before.is_alphabetic() && c.is_ascii_digit()) {
            continue;
        }
        let rest = &line[at..];
        if rest.split_whitespace().count() <= 6 {
            if let Some(d) = date::parse(rest).filter(|_| starts_with_date(rest)) {
                return (line[..at].trim_end(), Some(d));
            }
        }
    }
    (line, None)
}

/// The text is only a date: numbers, punctuation and month names.
fn starts_with_date(rest: &str) -> bool {
    rest.split_whitespace().all(|w| {
        let letters = w.trim_matches(|c: char| !c.is_alphabetic());
        letters.is_empty() || date::is_month(letters) || letters.len() <= 2
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_glued_to_the_headline_is_cut_off() {
        let (t, d) = headline("Tackle Iran by Supporting the Iranian People19 December 2017");
        assert_eq!(t, "Tackle Iran by Supporting the Iranian People");
        assert_eq!(d.as_deref(), Some("2017-12-19"));
        assert_eq!(headline("Windows 10 kommt").0, "Windows 10 kommt");
        assert_eq!(
            headline("Covid19 cases rise in 2021").0,
            "Covid19 cases rise in 2021"
        );
        assert_eq!(headline("Plain headline").1, None);
    }
}
