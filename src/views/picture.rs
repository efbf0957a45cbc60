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

/// A chart of one city: its name and the chart's subject; its plan.
pub fn for_city(city: &CityData, subject: &str, id: &str, lang: Lang) -> PictureText {
    PictureText {
        title: format!("{} · {subject}", city.name.get(lang)),
        sources: vec![source_line(&city.plan, lang)],
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
    }
}
