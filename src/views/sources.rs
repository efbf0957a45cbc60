//! Sources: the plans every number comes from, and the national standards behind reference lines.

use super::{standard_ref, CityStatus};
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{CityData, MetricCatalog};

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct PlanCard {
    /// `规划` / `Plan`, or `文件` / `Document` for another of the city's documents.
    pub label: String,
    pub city: String,
    pub name: String,
    /// `《…》`, always in Chinese as printed.
    pub title_zh: String,
    /// Our translation, shown in English.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub title_en: Option<String>,
    /// (label, value) pairs: issuer, number, date.
    pub meta: Vec<(String, String)>,
    /// The plan's text in `data/sources/`.
    pub file: String,
    /// Its reference in GB/T 7714-2015 form, always in Chinese as printed (see [`gbt7714`]).
    pub reference: String,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
    /// The city's other documents (bulletins, reviews) that values cite, each as a reference.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Vec::is_empty")
    )]
    pub documents: Vec<String>,
    /// Instead of the plan: loading, or failed.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub status: Option<String>,
    pub failed: bool,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct SourcesView {
    pub title: String,
    pub text: String,
    pub plans: Vec<PlanCard>,
    pub standards_title: String,
    pub standards_text: String,
    pub standards: Vec<StandardCard>,
    /// `数据版本：2026-12-03（1a2b3c4d）`: the data's version as the build derived it.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub version: Option<String>,
}

/// The data's version in words (`数据版本：2026-12-03（1a2b3c4d）` / `Data version: 2026-12-03
/// (1a2b3c4d)`), from the build's `date hash`; `None` without one.
pub fn version_label(lang: Lang, version: &str) -> Option<String> {
    let (date, hash) = version.split_once(' ')?;
    Some(match lang {
        Lang::Zh => format!("{}：{date}（{hash}）", t(lang, Key::DataVersion)),
        Lang::En => format!("{}: {date} ({hash})", t(lang, Key::DataVersion)),
    })
}

/// A national standard and the limits of it the charts draw.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct StandardCard {
    /// `GB 3095—2012 《环境空气质量标准》, 环境保护部、…, 2012-02-29`.
    pub reference: String,
    /// `细颗粒物（PM2.5）年均浓度: 35 μg/m³ · 表1 · 二级 · 年平均`.
    pub limits: Vec<String>,
}

/// A city's plan as the Sources view and the source dialog describe it.
pub fn plan_card(city: &CityData, lang: Lang) -> PlanCard {
    let stated = |v: Option<String>| v.unwrap_or_else(|| t(lang, Key::NotStated).to_string());
    let plan = &city.plan;
    PlanCard {
        label: t(lang, Key::Plan).to_string(),
        city: city.city.clone(),
        name: city.name.get(lang).to_string(),
        title_zh: format!("《{}》", plan.title.zh),
        title_en: (lang == Lang::En).then(|| plan.title.en.clone()),
        meta: vec![
            (
                t(lang, Key::Issuer).to_string(),
                stated(plan.issuer.as_ref().map(|i| i.get(lang).to_string())),
            ),
            (
                t(lang, Key::DocNumber).to_string(),
                stated(plan.number.clone()),
            ),
            (t(lang, Key::Date).to_string(), stated(plan.date.clone())),
        ],
        file: plan.source_file.clone(),
        reference: gbt7714(plan),
        note: plan.note.as_ref().map(|n| n.get(lang).to_string()),
        documents: city.documents.iter().map(document_reference).collect(),
        status: None,
        failed: false,
    }
}

/// One of the city's other documents as the source dialog describes it (`None`: no such id).
pub fn document_card(city: &CityData, id: &str, lang: Lang) -> Option<PlanCard> {
    let doc = city.documents.iter().find(|d| d.id == id)?;
    let mut meta = vec![
        (
            t(lang, Key::Issuer).to_string(),
            doc.issuer.get(lang).to_string(),
        ),
        (t(lang, Key::Date).to_string(), doc.date.clone()),
    ];
    if let Some(address) = &doc.address {
        meta.push((t(lang, Key::Address).to_string(), address.clone()));
    }
    Some(PlanCard {
        label: t(lang, Key::Document).to_string(),
        city: city.city.clone(),
        name: city.name.get(lang).to_string(),
        title_zh: format!("《{}》", doc.title.zh),
        title_en: (lang == Lang::En).then(|| doc.title.en.clone()),
        meta,
        file: doc.source_file.clone(),
        reference: document_reference(doc),
        note: None,
        documents: Vec::new(),
        status: None,
        failed: false,
    })
}

/// A further document's reference in the same GB/T 7714 form as the plan's: issuer. title[Z].
/// date. and its address where it has one.
pub fn document_reference(doc: &crate::model::Document) -> String {
    let mut out = format!("{}. {}[Z]. {}.", doc.issuer.zh, doc.title.zh, doc.date);
    if let Some(address) = &doc.address {
        out.push(' ');
        out.push_str(address);
    }
    out
}

/// A plan's reference as GB/T 7714-2015 (信息与文献 参考文献著录规则) writes one: 主要责任者.
/// 题名: 其他题名信息[文献类型标识]. 出版年. An element the plan's text does not state is left
/// out, as the standard does for a work without one (no issuer: the title comes first, 8.1.1 and
/// 8.2). The document number is the title's 其他题名信息; the type is [Z] ("other"): a
/// government document that EcoPlan knows by its text, with no address to cite it online by.
/// The date is the one the text is signed with (else the published one), as printed.
pub fn gbt7714(plan: &crate::model::Plan) -> String {
    let mut out = String::new();
    if let Some(issuer) = &plan.issuer {
        out.push_str(&issuer.zh);
        out.push_str(". ");
    }
    out.push_str(&plan.title.zh);
    if let Some(number) = &plan.number {
        out.push_str(": ");
        out.push_str(number);
    }
    out.push_str("[Z].");
    if let Some(date) = plan.date.as_ref().or(plan.published.as_ref()) {
        out.push(' ');
        out.push_str(date);
        out.push('.');
    }
    out
}

/// Where a citation's quotes are: `jiaozuo.txt, 第 142 行` (a derived value: both lines).
pub fn location(plan: &PlanCard, citation: &super::Citation) -> String {
    let lines: Vec<&str> = citation
        .quotes
        .iter()
        .map(|q| q.line_label.as_str())
        .collect();
    format!("{}, {}", plan.file, lines.join(", "))
}

pub fn sources(
    cities: &[(&str, &str, CityStatus)],
    catalog: Option<&MetricCatalog>,
    lang: Lang,
) -> SourcesView {
    let plans = cities
        .iter()
        .map(|(id, name, status)| match status {
            CityStatus::Ready(city) => plan_card(city, lang),
            other => PlanCard {
                label: t(lang, Key::Plan).to_string(),
                city: id.to_string(),
                name: name.to_string(),
                title_zh: String::new(),
                title_en: None,
                meta: Vec::new(),
                file: String::new(),
                reference: String::new(),
                note: None,
                documents: Vec::new(),
                status: Some(
                    t(
                        lang,
                        if matches!(other, CityStatus::Failed) {
                            Key::LoadFailed
                        } else {
                            Key::Loading
                        },
                    )
                    .to_string(),
                ),
                failed: matches!(other, CityStatus::Failed),
            },
        })
        .collect();
    let standards = catalog
        .map(|c| {
            c.standards
                .iter()
                .map(|s| StandardCard {
                    reference: format!(
                        "{} 《{}》, {}, {}",
                        s.number,
                        s.title.get(lang),
                        s.issuer.get(lang),
                        s.date
                    ),
                    limits: s
                        .limits
                        .iter()
                        .map(|l| {
                            let metric = c
                                .metric(&l.metric)
                                .map(|m| m.name.get(lang))
                                .unwrap_or_default();
                            let value = crate::format::with_unit(
                                lang,
                                &crate::format::format_value(l.value),
                                &l.unit,
                            );
                            format!("{metric}: {value} · {}", standard_ref(lang, s, l).clause)
                        })
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    SourcesView {
        version: version_label(lang, &crate::model::city_index().version),
        title: t(lang, Key::AboutTitle).to_string(),
        text: t(lang, Key::AboutText).to_string(),
        plans,
        standards_title: t(lang, Key::Standards).to_string(),
        standards_text: t(lang, Key::StandardsText).to_string(),
        standards,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_plan_is_cited_in_gbt_7714_form_with_what_its_text_states() {
        let reference = |id: &str| {
            let path = format!("data/cities/{id}.json");
            let city =
                crate::model::parse_city(&path, &std::fs::read_to_string(&path).unwrap()).unwrap();
            gbt7714(&city.plan)
        };
        assert_eq!(
            reference("jiaozuo"),
            "焦作市人民政府办公室. 焦作市“十四五”生态环境保护和生态经济发展规划: 焦政办〔2022〕77号[Z]. 2022-10-26."
        );
        assert_eq!(
            reference("zhengzhou"),
            "郑州市人民政府办公厅. 郑州市“十四五”生态环境保护规划: 郑政办〔2022〕42号[Z]. 2022-05-12."
        );
        assert_eq!(
            reference("jiyuan"),
            "济源产城融合示范区管理委员会办公室. 济源示范区推动生态环境质量稳定向好三年行动计划（2023—2025年）: 济管办〔2024〕1号[Z]. 2024-01-17."
        );
        // A draft without a number; a text that states only its title.
        assert_eq!(
            reference("pingdingshan"),
            "平顶山市人民政府. 平顶山市“十四五”生态环境保护和生态经济发展规划（报审稿）[Z]. 2022-06."
        );
        assert_eq!(reference("xingtai"), "邢台市生态环境保护“十四五”规划[Z].");
    }
}
