//! What a chart's picture (saved as SVG or PNG) carries besides the chart, so that a shared image
//! keeps its citation: a title with the city, and the plan (or plans) its numbers come from.

use crate::lang::Lang;
use crate::model::{CityData, Plan};

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct PictureText {
    /// `焦作市 · 细颗粒物（PM2.5）年均浓度`.
    pub title: String,
    /// One line per plan: `焦作市人民政府办公室《焦作市“十四五”……规划》，2022`.
    pub sources: Vec<String>,
    /// The file's name, without its extension: `ecoplan-jiaozuo-pm25_urban`.
    pub file: String,
}

/// A plan as a picture's source line: issuer, title and year, each where the plan states it.
pub fn source_line(plan: &Plan, lang: Lang) -> String {
    let year = plan
        .date
        .as_deref()
        .or(plan.published.as_deref())
        .and_then(|d| d.get(..4));
    let issuer = plan.issuer.as_ref().map(|i| i.get(lang));
    match lang {
        Lang::Zh => {
            let mut line = format!("{}《{}》", issuer.unwrap_or(""), plan.title.zh);
            if let Some(year) = year {
                line.push('，');
                line.push_str(year);
            }
            line
        }
        Lang::En => {
            let mut parts: Vec<&str> = issuer.into_iter().collect();
            parts.push(&plan.title.en);
            parts.extend(year);
            parts.join(", ")
        }
    }
}

/// A further document as a picture's source line: issuer, title and year.
fn document_line(doc: &crate::model::Document, lang: Lang) -> String {
    let year = doc.date.get(..4).unwrap_or_default();
    match lang {
        Lang::Zh => format!("{}《{}》，{year}", doc.issuer.zh, doc.title.zh),
        Lang::En => format!("{}, {}, {year}", doc.issuer.en, doc.title.en),
    }
}

/// The data's version as the last source line, where the build gave one.
pub fn version_line(lang: Lang) -> Option<String> {
    super::sources::version_label(lang, &crate::model::city_index().version)
}

/// A chart of one city: its name and the chart's subject; its plan, and any further document a
/// value of the chart's indicator (or another of its metric) cites; the data's version.
pub fn for_city(city: &CityData, subject: &str, id: &str, lang: Lang) -> PictureText {
    let metric = city
        .indicators
        .iter()
        .find(|i| i.id == id)
        .and_then(|i| i.metric.as_deref());
    let cited: Vec<&str> = city
        .indicators
        .iter()
        .filter(|i| i.id == id || (metric.is_some() && i.metric.as_deref() == metric))
        .flat_map(|i| &i.values)
        .filter_map(|v| v.source.as_ref()?.document.as_deref())
        .collect();
    let mut sources = vec![source_line(&city.plan, lang)];
    sources.extend(
        city.documents
            .iter()
            .filter(|d| cited.contains(&d.id.as_str()))
            .map(|d| document_line(d, lang)),
    );
    sources.extend(version_line(lang));
    PictureText {
        title: format!("{} · {subject}", city.name.get(lang)),
        sources,
        file: format!("ecoplan-{}-{id}", city.city),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_city;

    fn city(id: &str) -> CityData {
        let path = format!("data/cities/{id}.json");
        parse_city(&path, &std::fs::read_to_string(&path).unwrap()).unwrap()
    }

    #[test]
    fn a_source_line_has_the_issuer_title_and_year_the_plan_states() {
        let jiaozuo = city("jiaozuo");
        assert_eq!(
            source_line(&jiaozuo.plan, Lang::Zh),
            "焦作市人民政府办公室《焦作市“十四五”生态环境保护和生态经济发展规划》，2022"
        );
        assert_eq!(
            source_line(&jiaozuo.plan, Lang::En),
            "General Office of the Jiaozuo Municipal People's Government, Jiaozuo 14th Five-Year Plan for Ecological and Environmental Protection and Ecological Economy Development, 2022"
        );
        // Xingtai's text states only its title.
        let xingtai = city("xingtai");
        assert_eq!(
            source_line(&xingtai.plan, Lang::Zh),
            "《邢台市生态环境保护“十四五”规划》"
        );
        let picture = for_city(&jiaozuo, "PM2.5", "pm25_urban", Lang::Zh);
        assert_eq!(picture.title, "焦作市 · PM2.5");
        assert_eq!(picture.file, "ecoplan-jiaozuo-pm25_urban");
        assert_eq!(
            picture.sources.len(),
            2,
            "the plan, then the data's version"
        );
        assert!(picture.sources[1].starts_with("数据版本："));
    }
}
