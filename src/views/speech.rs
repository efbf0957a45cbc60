//! What "读一读 / Read aloud" says for a view: its title, then the same sentences the charts give
//! screen readers (latest figure, target, progress in words), or, in a view without charts, its
//! rows in words. One text per view, in the view's language.

use super::compare::CompareView;
use super::green::GreenView;
use super::overview::OverviewView;
use super::sources::SourcesView;
use super::targets::TargetsView;
use super::trends::TrendsView;
use super::Cell;
use crate::lang::Lang;

/// Sentences joined as the language punctuates them: `。` in Chinese, `. ` in English.
fn join(lang: Lang, parts: impl IntoIterator<Item = String>) -> String {
    let stop = if lang == Lang::Zh { "。" } else { ". " };
    let mut out = String::new();
    for part in parts {
        let part = part.trim().trim_end_matches(['。', '.']);
        if part.is_empty() {
            continue;
        }
        out.push_str(part);
        out.push_str(stop);
    }
    out.trim_end().to_string()
}

fn colon(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "："
    } else {
        ": "
    }
}

fn cell(c: &Option<Cell>) -> Option<String> {
    c.as_ref().map(|c| format!("{} ({})", c.text, c.year))
}

pub fn overview(v: &OverviewView, lang: Lang) -> String {
    let cards = v.cards.iter().map(|c| match (&c.chart, &c.missing) {
        (_, Some(missing)) => format!("{}{}{missing}", c.name, colon(lang)),
        (Some(chart), _) => format!("{}{}{}", chart.summary, colon_or_space(lang), c.progress),
        (None, _) => format!("{}{}{}", c.name, colon(lang), c.progress),
    });
    join(lang, std::iter::once(v.title.clone()).chain(cards))
}

fn colon_or_space(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "。"
    } else {
        ". "
    }
}

pub fn trends(v: &TrendsView, lang: Lang) -> String {
    let charts = v
        .blocks
        .iter()
        .filter_map(|b| b.chart.as_ref().map(|c| c.summary.clone()));
    join(
        lang,
        std::iter::once(v.title.clone())
            .chain(charts)
            .chain(v.no_charts.clone()),
    )
}

pub fn targets(v: &TargetsView, lang: Lang) -> String {
    let rows = v.groups.iter().flat_map(|g| {
        std::iter::once(g.name.clone()).chain(g.rows.iter().map(move |r| {
            let values: Vec<String> = [
                cell(&r.baseline).map(|b| format!("{}{}{b}", v.headers[1], colon(lang))),
                cell(&r.target).map(|t| format!("{}{}{t}", v.headers[2], colon(lang))),
            ]
            .into_iter()
            .flatten()
            .collect();
            let sep = if lang == Lang::Zh { "，" } else { ", " };
            format!("{}{}{}", r.name, colon(lang), values.join(sep))
        }))
    });
    join(lang, std::iter::once(v.title.clone()).chain(rows))
}

pub fn green(v: &GreenView, lang: Lang) -> String {
    let actions = v.themes.iter().flat_map(|t| {
        std::iter::once(t.name.clone()).chain(
            t.actions
                .iter()
                .map(move |a| format!("{}{}{}", a.title, colon(lang), a.you_can)),
        )
    });
    join(lang, std::iter::once(v.title.clone()).chain(actions))
}

pub fn compare(v: &CompareView, lang: Lang) -> String {
    join(
        lang,
        [v.title.clone()]
            .into_iter()
            .chain(v.chart.as_ref().map(|c| c.summary.clone())),
    )
}

pub fn sources(v: &SourcesView, lang: Lang) -> String {
    let plans = v
        .plans
        .iter()
        .map(|p| format!("{}{}{}", p.name, colon(lang), p.title_zh));
    join(
        lang,
        [v.title.clone(), v.text.clone()].into_iter().chain(plans),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_catalog, parse_city, Domain};

    fn load(id: &str) -> crate::model::CityData {
        let path = format!("data/cities/{id}.json");
        parse_city(&path, &std::fs::read_to_string(&path).unwrap()).unwrap()
    }

    #[test]
    fn a_view_is_read_as_its_title_then_its_charts_sentences() {
        let catalog =
            parse_catalog("m", &std::fs::read_to_string("data/metrics.json").unwrap()).unwrap();
        let city = load("jiaozuo");
        let view = crate::views::trends::trends(&city, &catalog, Domain::Air, Lang::Zh);
        let text = trends(&view, Lang::Zh);
        assert!(text.starts_with("焦作市 · 空气。"), "{text}");
        for block in view.blocks.iter().filter_map(|b| b.chart.as_ref()) {
            assert!(text.contains(&block.summary), "{} in {text}", block.summary);
        }
        let view = crate::views::overview::overview(&city, &catalog, Lang::En);
        let text = overview(&view, Lang::En);
        assert!(text.starts_with("Jiaozuo. "), "{text}");
        assert!(text.contains(&view.cards[0].chart.as_ref().unwrap().summary));
        assert!(text.contains(&view.cards[0].progress));
        assert!(!text.contains(".."), "{text}");
    }

    #[test]
    fn a_view_without_charts_is_read_as_its_rows() {
        let city = load("xingtai");
        let view = crate::views::targets::targets(&city, Lang::Zh);
        let text = targets(&view, Lang::Zh);
        let row = &view.groups[0].rows[0];
        assert!(text.contains(&format!("{}：", row.name)), "{text}");
        if let Some(t) = &row.target {
            assert!(text.contains(&t.text), "{text}");
        }
        let green_view = crate::views::green::green(&city, Lang::Zh);
        let text = green(&green_view, Lang::Zh);
        assert!(text.contains(&green_view.themes[0].actions[0].you_can));
    }
}
