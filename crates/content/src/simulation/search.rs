//! `[search]`: "Choisir un résultat fiable". Rules: at least 2 rounds; each
//! with at least 3 results, exactly one trustworthy, at least one ad
//! (a `label` such as "Sponsorisé"); every result explains why it is or is
//! not the one and has at least one clue anchored to its words.

use super::scam::{clues, segments, RawClue};
use super::{Ctx, KindResult, Role, Text};
use declic_core::simulation::search::{Round, Search, SearchResult};
use declic_core::simulation::Scenario;
use serde::Deserialize;
use std::collections::BTreeSet;
use toml::Spanned;

pub const MIN_ROUNDS: usize = 2;
pub const MIN_RESULTS: usize = 3;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Raw {
    rounds: Spanned<Vec<RawRound>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRound {
    id: Spanned<String>,
    task: Text,
    query: Text,
    results: Spanned<Vec<RawResult>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResult {
    id: Spanned<String>,
    label: Option<Text>,
    title: Text,
    address: Text,
    snippet: Text,
    #[serde(default)]
    trustworthy: bool,
    explanation: Text,
    #[serde(default)]
    clues: Vec<RawClue>,
}

const PARTS: [&str; 4] = ["adresse", "titre", "resume", "etiquette"];

pub(crate) fn compile(raw: &Raw, cx: &mut Ctx) -> KindResult {
    let mut round_ids = BTreeSet::new();
    let mut rounds = Vec::new();
    for r in raw.rounds.get_ref() {
        let id_line = cx.line(r.id.span());
        let id = cx.id(&r.id, &mut round_ids, "round");
        let task = cx.text(&r.task, Role::Voice, "task");
        let query = cx.text(&r.query, Role::Replica, "query");
        let mut ids = BTreeSet::new();
        let mut results = Vec::new();
        for res in r.results.get_ref() {
            let res_line = cx.line(res.id.span());
            let rid = cx.id(&res.id, &mut ids, "result");
            let label = res
                .label
                .as_ref()
                .map(|l| cx.text(l, Role::Replica, "label"));
            let title = cx.text(&res.title, Role::Replica, "title");
            let address = cx.text(&res.address, Role::Replica, "address");
            let snippet = cx.text(&res.snippet, Role::Replica, "snippet");
            let explanation = cx.text(&res.explanation, Role::Voice, "explanation");
            let anchored = clues(&res.clues, &PARTS, !res.trustworthy, cx);
            if anchored.is_empty() {
                cx.error(res_line, format!("result `{rid}` has no clue: anchor at least one to its address, title, snippet or label"));
            }
            let address_segments = segments(&address, 0, "address", &anchored, cx);
            let title_segments = segments(&title, 1, "title", &anchored, cx);
            let snippet_segments = segments(&snippet, 2, "snippet", &anchored, cx);
            let label_segments = match &label {
                Some(l) => segments(l, 3, "label", &anchored, cx),
                None => {
                    if let Some(a) = anchored.iter().find(|a| a.part == 3) {
                        cx.error(
                            a.line,
                            "clue `in = \"etiquette\"` but the result has no label",
                        );
                    }
                    Vec::new()
                }
            };
            results.push(SearchResult {
                id: rid,
                label: label_segments,
                title: title_segments,
                address: address_segments,
                snippet: snippet_segments,
                trustworthy: res.trustworthy,
                explanation,
                clues: anchored.into_iter().map(|a| a.clue).collect(),
            });
        }
        let results_line = cx.line(r.results.span());
        cx.count(
            results_line,
            results.len(),
            MIN_RESULTS..=usize::MAX,
            &format!("results in round `{id}`"),
        );
        let trustworthy = results.iter().filter(|r| r.trustworthy).count();
        if trustworthy != 1 {
            cx.error(id_line, format!("round `{id}` has {trustworthy} trustworthy results: exactly one is the one to pick"));
        }
        if !results.iter().any(|r| !r.label.is_empty()) {
            cx.error(id_line, format!("round `{id}` has no ad: add a result with a `label` (\"Sponsorisé\"), as real results pages have"));
        }
        rounds.push(Round {
            id,
            task,
            query,
            results,
        });
    }
    let line = cx.line(raw.rounds.span());
    cx.count(line, rounds.len(), MIN_ROUNDS..=usize::MAX, "rounds");
    let n = rounds.len();
    KindResult {
        scenario: Scenario::Search(Search { rounds }),
        steps: n,
        messages: 0,
    }
}
