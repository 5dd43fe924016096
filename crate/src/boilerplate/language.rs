//! The page's language and that language's function words (`crate/data/function_words.txt`:
//! stopwords-iso's words of 37 languages ranked by wordfreq's frequencies).
//!
//! The language is told by the same lists: the one whose function words cover most of the
//! words of the page's longest blocks (function words are the most frequent words of any text,
//! and the lists barely overlap across languages). Scripts without spaces between words are
//! told by their letters (Han, kana, Hangul, Thai).

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use crate::segment::Document;

const FUNCTION_WORDS: &str = data_file!("function_words.txt");

/// Enough text for a sure guess; more only costs time.
const SAMPLE_BYTES: usize = 6000;

/// The languages (ISO 639-3) in the order of the file, and for each word the set of those
/// whose function word it is (bit i = language i).
struct Lists {
    codes: Vec<&'static str>,
    words: HashMap<&'static str, u64>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists {
        codes: Vec::new(),
        words: HashMap::default(),
    };
    for line in FUNCTION_WORDS.lines().filter(|l| !l.starts_with('#')) {
        let Some((code, words)) = line.split_once('\t') else {
            continue;
        };
        let bit = 1u64 << lists.codes.len();
        lists.codes.push(code);
        for w in words.split(' ') {
            *lists.words.entry(w).or_default() |= bit;
        }
    }
    assert!(lists.codes.len() <= 64, "one bit per language");
    lists
});

/// The function words of one language.
#[derive(Debug, Clone, Copy)]
pub struct FunctionWords {
    bit: u64,
}

impl FunctionWords {
    /// The list of a language by its ISO 639-3 code, if there is one.
    pub fn for_code(code: &str) -> Option<FunctionWords> {
        let i = LISTS.codes.iter().position(|c| *c == code)?;
        Some(FunctionWords { bit: 1 << i })
    }

    /// `lower` is a lowercase word.
    pub fn contains(&self, lower: &str) -> bool {
        languages_of(lower) & self.bit != 0
    }
}

/// The languages `lower` is a function word of.
fn languages_of(lower: &str) -> u64 {
    // wordfreq folds the Greek final sigma.
    if let Some(stem) = lower.strip_suffix('ς') {
        let folded = format!("{stem}σ");
        return LISTS.words.get(folded.as_str()).copied().unwrap_or(0);
    }
    LISTS.words.get(lower).copied().unwrap_or(0)
}

/// The language of the page's prose (ISO 639-3), when it can be told.
pub fn detect(doc: &Document) -> Option<&'static str> {
    let sample = sample(doc);
    if let Some(code) = by_script(&sample) {
        return Some(code);
    }
    let mut hits = vec![0u32; LISTS.codes.len()];
    let mut words = 0u32;
    for w in sample
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        // Only the languages the word belongs to: the set bits.
        let mut langs = languages_of(&w.to_lowercase());
        while langs != 0 {
            hits[langs.trailing_zeros() as usize] += 1;
            langs &= langs - 1;
        }
    }
    let (best, &n) = hits
        .iter()
        .enumerate()
        .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))?;
    (n >= 3 && n * 10 >= words).then(|| LISTS.codes[best])
}

/// The BCP 47 tag (ISO 639-1 where there is one) of a language code [`detect`] returns, as
/// HTML's `lang` and most tools name languages.
pub fn bcp47(code: &str) -> &str {
    const TAGS: &[(&str, &str)] = &[
        ("ara", "ar"),
        ("ben", "bn"),
        ("bul", "bg"),
        ("cat", "ca"),
        ("ces", "cs"),
        ("cmn", "zh"),
        ("dan", "da"),
        ("deu", "de"),
        ("ell", "el"),
        ("eng", "en"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("heb", "he"),
        ("hin", "hi"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("ind", "id"),
        ("ita", "it"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("mkd", "mk"),
        ("nld", "nl"),
        ("nob", "nb"),
        ("pes", "fa"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("rus", "ru"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("spa", "es"),
        ("swe", "sv"),
        ("tam", "ta"),
        ("tgl", "tl"),
        ("tha", "th"),
        ("tur", "tr"),
        ("ukr", "uk"),
        ("urd", "ur"),
        ("vie", "vi"),
    ];
    TAGS.iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, t)| t)
}

/// The longest blocks, up to `SAMPLE_BYTES`: the prose, not the menus.
fn sample(doc: &Document) -> String {
    let mut blocks: Vec<&str> = doc
        .blocks
        .iter()
        .map(|b| &doc.text[b.start..b.end])
        .collect();
    blocks.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut sample = String::new();
    for s in blocks {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(s);
        sample.push('\n');
    }
    sample
}

/// Languages whose script tells them: most letters Han (Chinese, unless kana are there:
/// Japanese), Hangul (Korean) or Thai.
fn by_script(s: &str) -> Option<&'static str> {
    let (mut letters, mut han, mut kana, mut hangul, mut thai) = (0, 0, 0, 0, 0);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c as u32 {
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => han += 1,
            0x3040..=0x30FF => kana += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
            0x0E00..=0x0E7F => thai += 1,
            _ => {}
        }
    }
    let most = |n: i32| n * 2 > letters;
    if most(han + kana) {
        Some(if kana * 10 > han + kana { "jpn" } else { "cmn" })
    } else if most(hangul) {
        Some("kor")
    } else if most(thai) {
        Some("tha")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(s: &str) -> Option<&'static str> {
        detect(&Document::new(s))
    }

    #[test]
    fn tells_languages_by_their_function_words_and_scripts() {
        let de = "Die Bundesregierung hat am Dienstag beschlossen, dass die neuen Regeln \
                  für den Wohnungsbau schon im nächsten Jahr gelten sollen, und die Länder \
                  müssen sie bis dahin umsetzen.";
        assert_eq!(lang(de), Some("deu"));
        let en = "The council said on Tuesday that the harbour wall would be rebuilt next year.";
        assert_eq!(lang(en), Some("eng"));
        let fr = "Le conseil a dit mardi que le mur du port serait reconstruit l'année prochaine.";
        assert_eq!(lang(fr), Some("fra"));
        let es = "El ayuntamiento dijo el martes que el muro del puerto se reconstruirá el año que viene.";
        assert_eq!(lang(es), Some("spa"));
        let pl = "Rada miasta powiedziała we wtorek, że mur w porcie zostanie odbudowany w przyszłym roku.";
        assert_eq!(lang(pl), Some("pol"));
        assert_eq!(
            lang("東京都は火曜日に新しい規則を発表しました。"),
            Some("jpn")
        );
        assert_eq!(
            lang("市议会星期二表示，港口的墙将在明年重建。"),
            Some("cmn")
        );
        assert_eq!(lang("Home | News | 2026"), None);
    }

    #[test]
    fn every_language_has_a_bcp47_tag() {
        for code in LISTS.codes.iter().chain(&["cmn", "jpn", "kor", "tha"]) {
            assert_eq!(bcp47(code).len(), 2, "{code}");
        }
    }

    #[test]
    fn finds_a_languages_function_words() {
        let fw = FunctionWords::for_code("deu").unwrap();
        assert!(fw.contains("die") && fw.contains("und") && !fw.contains("bundesregierung"));
        let el = FunctionWords::for_code("ell").unwrap();
        assert!(el.contains("της"), "final sigma folded");
        assert!(FunctionWords::for_code("xxx").is_none());
    }
}
