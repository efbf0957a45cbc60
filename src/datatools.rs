//! The data maintainers' helpers behind `ecoplan-data locate` and `ecoplan-data new`, as pure
//! functions over texts: where words occur in a source text (with the exact quote a `source`
//! needs), and what a plan's header states (title, issuer, document number, date).

/// One place where the searched words occur: the 1-based line where they begin, that line, and
/// the text from the first to the last matched character exactly as the source has it (its line
/// breaks kept as `\n`), which the validator accepts as the quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub line: u32,
    pub line_text: String,
    pub quote: String,
}

impl Hit {
    /// The line around the words, for a reader to recognise it: up to 20 characters before them
    /// and 20 after their first line's part, `…` where the line goes on.
    pub fn excerpt(&self) -> String {
        let line: Vec<char> = self.line_text.chars().collect();
        let first = self.quote.split('\n').next().unwrap_or_default();
        // Where the quote's first line's part begins in the line (it ends the line when it
        // runs on; else its first occurrence).
        let start_byte = if self.quote.contains('\n') {
            self.line_text.rfind(first)
        } else {
            self.line_text.find(first)
        }
        .unwrap_or(0);
        let start = self.line_text[..start_byte].chars().count();
        let end = (start + first.chars().count()).min(line.len());
        let from = start.saturating_sub(20);
        let to = (end + 20).min(line.len());
        let mut out: String = line[from..to].iter().collect();
        if from > 0 {
            out.insert(0, '…');
        }
        if to < line.len() {
            out.push('…');
        }
        out
    }
}

/// Every place in `text` where `words` occur, ignoring whitespace on both sides (line breaks,
/// spaces, tabs, ideographic spaces: a plan's text breaks lines and spaces words where a reader
/// would not). Places do not overlap; an empty search finds nothing.
pub fn locate(text: &str, words: &str) -> Vec<Hit> {
    let wanted: Vec<char> = words.chars().filter(|c| !c.is_whitespace()).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    // Each non-whitespace character of the text: (char, byte offset, 0-based line).
    let mut chars = Vec::new();
    let mut line = 0usize;
    for (at, c) in text.char_indices() {
        if c == '\n' {
            line += 1;
        } else if !c.is_whitespace() {
            chars.push((c, at, line));
        }
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut hits = Vec::new();
    let mut i = 0;
    while i + wanted.len() <= chars.len() {
        if chars[i..i + wanted.len()]
            .iter()
            .zip(&wanted)
            .all(|((c, _, _), w)| c == w)
        {
            let (_, start, first_line) = chars[i];
            let (last, end, _) = chars[i + wanted.len() - 1];
            let quote: String = text[start..end + last.len_utf8()]
                .chars()
                .filter(|c| *c != '\r')
                .collect();
            hits.push(Hit {
                line: first_line as u32 + 1,
                line_text: lines[first_line].trim_end_matches('\r').to_string(),
                quote,
            });
            i += wanted.len();
        } else {
            i += 1;
        }
    }
    hits
}

/// A string as JSON writes it: quoted, with `"`, `\` and control characters escaped (line breaks
/// as `\n`, tabs as `\t`), everything else as it is.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What a plan's header (its first lines) states, where it states it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Header {
    /// The plan's title, as printed (whitespace from line wrapping removed).
    pub title: Option<String>,
    /// The city's name, where the title begins with one (`…市`, `…示范区`).
    pub name: Option<String>,
    /// Who issued it: a line that is an office's name alone, else the notice title's issuer.
    pub issuer: Option<String>,
    /// `焦政办〔2022〕77号`.
    pub number: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM`: the date it was signed (成文日期, the notice's date, the cover's).
    pub date: Option<String>,
    /// `YYYY-MM-DD`: when it was published (发布时间), where the header says so.
    pub published: Option<String>,
}

/// How far into a text its header can be: the first 40 non-empty lines.
const HEADER_LINES: usize = 40;
const OFFICES: [&str; 6] = [
    "人民政府",
    "办公室",
    "办公厅",
    "管理委员会",
    "生态环境局",
    "委员会",
];

/// Reads what the header states; leaves out what it does not (never a guess).
pub fn read_header(text: &str) -> Header {
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            let l = l.trim().trim_start_matches('#').trim();
            l.trim_start_matches('\u{feff}').to_string()
        })
        .filter(|l| !l.is_empty())
        .take(HEADER_LINES)
        .collect();
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };

    // The title: a notice of issue's (`关于印发《…》的通知`), else the first lines up to one that ends
    // as a plan's title does, with a bracketed status line after it (`(报审稿)`).
    let notice = lines.iter().find_map(|l| {
        let from = l.find("关于印发")?;
        let rest = &l[from + "关于印发".len()..];
        let to = rest.find("的通知")?;
        Some((squeeze(&l[..from]), squeeze(&rest[..to])))
    });
    let title = match &notice {
        Some((_, title)) => Some(
            title
                .trim_start_matches('《')
                .trim_end_matches('》')
                .to_string(),
        ),
        None => {
            let ends = ["规划", "计划", "方案", "纲要"];
            let mut joined = String::new();
            let mut found = None;
            for (i, l) in lines.iter().take(3).enumerate() {
                joined.push_str(&squeeze(l));
                if ends.iter().any(|e| joined.ends_with(e)) {
                    found = Some(i);
                    break;
                }
            }
            found.map(|i| {
                if let Some(next) = lines.get(i + 1) {
                    let n = squeeze(next);
                    let bracketed = (n.starts_with('(') || n.starts_with('（'))
                        && (n.ends_with(')') || n.ends_with('）'))
                        && n.chars().count() <= 10;
                    if bracketed {
                        joined.push_str(&n);
                    }
                }
                joined
            })
        }
    };
    let name = title.as_deref().and_then(city_name);

    // The issuer: a line that is an office's name and nothing else, else the notice's issuer.
    let is_office = |l: &str| {
        l.chars().count() <= 30
            && !l
                .chars()
                .any(|c| c.is_whitespace() || "，。：:、；,".contains(c))
            && OFFICES.iter().any(|o| l.ends_with(o))
            && l.chars().count() > 4
    };
    let issuer = lines.iter().find(|l| is_office(l)).cloned().or_else(|| {
        notice
            .as_ref()
            .map(|(issuer, _)| issuer.clone())
            .filter(|i| is_office(i))
    });

    let number = lines.iter().find_map(|l| doc_number(l));
    let published = lines.iter().find_map(|l| {
        let rest = l.strip_prefix("发布时间")?.trim();
        full_date(rest)
    });
    let date = lines.iter().find_map(|l| {
        let l = l.strip_prefix("成文日期").map_or(l.as_str(), str::trim);
        full_date(l)
            .or_else(|| digits_date(l))
            .or_else(|| numeral_date(l))
    });
    Header {
        title,
        name,
        issuer,
        number,
        date,
        published,
    }
}

/// `平顶山市…` -> `平顶山市`; `济源示范区…` -> `济源示范区`: a city's name the title begins with.
fn city_name(title: &str) -> Option<String> {
    let head: String = title.chars().take(8).collect();
    for end in ["示范区", "市"] {
        if let Some(at) = head.find(end) {
            let name = &head[..at + end.len()];
            if name.chars().count() >= 2 && !name.contains('“') {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// A document number such as `焦政办〔2022〕77号` anywhere in the line.
fn doc_number(line: &str) -> Option<String> {
    let open = line.find('〔')?;
    let close = line[open..].find('〕')? + open;
    let year = &line[open + '〔'.len_utf8()..close];
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let prefix: String = line[..open]
        .chars()
        .rev()
        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after = &line[close + '〕'.len_utf8()..];
    let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
    if prefix.is_empty() || digits.is_empty() || !after[digits.len()..].starts_with('号') {
        return None;
    }
    Some(format!("{prefix}〔{year}〕{digits}号"))
}

/// A line that is just `2024年1月17日` -> `2024-01-17`.
fn full_date(line: &str) -> Option<String> {
    let (year, rest) = line.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let n = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = (n(year, 4..=4)?, n(month, 1..=2)?, n(day, 1..=2)?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y}-{m:02}-{d:02}"))
}

/// A line that is just `20221026` -> `2022-10-26`.
fn digits_date(line: &str) -> Option<String> {
    if line.len() != 8 || !line.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, m, d) = (&line[..4], &line[4..6], &line[6..]);
    let (mn, dn) = (m.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
    (y.starts_with("20") && (1..=12).contains(&mn) && (1..=31).contains(&dn))
        .then(|| format!("{y}-{m}-{d}"))
}

/// A line that is just `二〇二二年六月` (or with a day) -> `2022-06`.
fn numeral_date(line: &str) -> Option<String> {
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
    let (year, rest) = line.split_once('年')?;
    let y: Option<String> = year
        .chars()
        .map(|c| digit(c).map(|d| char::from(b'0' + d as u8)))
        .collect();
    let y = y.filter(|y| y.len() == 4)?;
    let small = |s: &str| -> Option<usize> {
        let cs: Vec<char> = s.chars().collect();
        match cs.as_slice() {
            ['十'] => Some(10),
            [a] => digit(*a),
            ['十', b] => Some(10 + digit(*b)?),
            [a, '十'] => Some(digit(*a)? * 10),
            [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
            _ => None,
        }
    };
    let (month, rest) = rest.split_once('月')?;
    let m = small(month).filter(|m| (1..=12).contains(m))?;
    if rest.is_empty() {
        return Some(format!("{y}-{m:02}"));
    }
    let d = small(rest.strip_suffix('日')?).filter(|d| (1..=31).contains(d))?;
    Some(format!("{y}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_across_line_breaks_and_spaces_and_quoted_exactly() {
        let text = "第一行\r\n完成省定细颗粒物浓度46微\n\n克每立方米目标。\n细颗粒物　浓度";
        let hits = locate(text, "细颗粒物浓度46微克每立方米");
        assert_eq!(
            hits,
            [Hit {
                line: 2,
                line_text: "完成省定细颗粒物浓度46微".into(),
                quote: "细颗粒物浓度46微\n\n克每立方米".into(),
            }]
        );
        let lines: Vec<&str> = text.split('\n').collect();
        assert!(crate::validate::quote_starts_in(&lines, 1, &hits[0].quote));
        let both = locate(text, "细颗粒物 浓度");
        assert_eq!(
            both.iter().map(|h| h.line).collect::<Vec<_>>(),
            [2, 5],
            "an ideographic space in the text is skipped"
        );
        assert_eq!(both[1].quote, "细颗粒物　浓度");
        assert!(locate(text, "  ").is_empty());
        let long = format!("{}细颗粒物{}", "前".repeat(30), "后".repeat(30));
        assert_eq!(
            locate(&long, "细颗粒物")[0].excerpt(),
            format!("…{}细颗粒物{}…", "前".repeat(20), "后".repeat(20))
        );
        assert_eq!(hits[0].excerpt(), "完成省定细颗粒物浓度46微");
        assert!(locate(text, "臭氧").is_empty());
    }

    #[test]
    fn json_strings_escape_what_they_must() {
        assert_eq!(
            json_string("a\"b\\c\nd\te\u{1}"),
            "\"a\\\"b\\\\c\\nd\\te\\u0001\""
        );
        assert_eq!(json_string("细颗粒物"), "\"细颗粒物\"");
    }

    #[test]
    fn dates_as_plans_print_them() {
        assert_eq!(full_date("2024年1月17日").as_deref(), Some("2024-01-17"));
        assert_eq!(full_date("到2025年"), None);
        assert_eq!(digits_date("20221026").as_deref(), Some("2022-10-26"));
        assert_eq!(numeral_date("二〇二二年六月").as_deref(), Some("2022-06"));
        assert_eq!(
            numeral_date("二〇二一年十二月二十六日").as_deref(),
            Some("2021-12-26")
        );
        assert_eq!(
            doc_number("郑政办〔2022〕42号").as_deref(),
            Some("郑政办〔2022〕42号")
        );
        assert_eq!(doc_number("（2022〕42号"), None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod plans {
    use super::*;

    fn header(city: &str) -> Header {
        read_header(&std::fs::read_to_string(format!("data/sources/{city}.txt")).unwrap())
    }

    /// What the five plans' headers state, as their city files have it (the city files write
    /// Pingdingshan's `(报审稿)` with full-width brackets; the header prints ASCII ones).
    #[test]
    fn the_five_plans_headers_read_as_their_city_files_have_them() {
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            header("jiaozuo"),
            Header {
                title: s("焦作市“十四五”生态环境保护和生态经济发展规划"),
                name: s("焦作市"),
                issuer: s("焦作市人民政府办公室"),
                number: s("焦政办〔2022〕77号"),
                date: s("2022-10-26"),
                published: s("2022-12-09"),
            }
        );
        assert_eq!(
            header("zhengzhou"),
            Header {
                title: s("郑州市“十四五”生态环境保护规划"),
                name: s("郑州市"),
                issuer: s("郑州市人民政府办公厅"),
                number: s("郑政办〔2022〕42号"),
                date: s("2022-05-12"),
                published: None,
            }
        );
        assert_eq!(
            header("jiyuan"),
            Header {
                title: s("济源示范区推动生态环境质量稳定向好三年行动计划（2023—2025年）"),
                name: s("济源示范区"),
                issuer: s("济源产城融合示范区管理委员会办公室"),
                number: s("济管办〔2024〕1号"),
                date: s("2024-01-17"),
                published: None,
            }
        );
        assert_eq!(
            header("pingdingshan"),
            Header {
                title: s("平顶山市“十四五”生态环境保护和生态经济发展规划(报审稿)"),
                name: s("平顶山市"),
                issuer: s("平顶山市人民政府"),
                number: None,
                date: s("2022-06"),
                published: None,
            }
        );
        assert_eq!(
            header("xingtai"),
            Header {
                title: s("邢台市生态环境保护“十四五”规划"),
                name: s("邢台市"),
                ..Header::default()
            }
        );
    }
}
