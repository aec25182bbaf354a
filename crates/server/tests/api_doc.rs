//! API.md and the code name the same error codes with the same statuses.

use declic_server::error::ErrorCode;
use std::collections::BTreeMap;

#[test]
fn every_documented_error_code_exists_and_every_code_is_documented() {
    let doc = include_str!("../API.md");
    let table = doc
        .split("\n## Errors")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("API.md has an Errors section");
    let documented: BTreeMap<String, u16> = table
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let code = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            Some((code.to_string(), cells.get(2)?.parse().ok()?))
        })
        .collect();
    let in_code: BTreeMap<String, u16> = ErrorCode::ALL
        .iter()
        .map(|c| (c.as_str().to_string(), c.status().as_u16()))
        .collect();
    assert_eq!(documented, in_code);
}
