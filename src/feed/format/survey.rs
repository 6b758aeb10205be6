//! Reading a `survey` item (schema 2): the town's form address (`https://` only), the days it is
//! open, and the stages it is for, in the same forms as an event's.

use serde_json::{Map, Value};

use super::*;

impl Cx {
    pub(super) fn survey(
        &mut self,
        ext: &Map<String, Value>,
        key: Option<String>,
        lang: Option<String>,
        title: Option<String>,
        body: Option<String>,
    ) -> Option<Survey> {
        self.unknown_fields(
            ext,
            "_tsunagu",
            &["kind", "lang", "key", "url", "from", "until", "stages"],
        );
        // Answers go to the town's own form service, never through the app: https only, opened
        // in the system browser.
        let url = self.https_url(ext, "url", "_tsunagu.url", true);
        let from = self.date(ext, "from", "_tsunagu.from", true);
        let until = self.date(ext, "until", "_tsunagu.until", true);
        if let (Some(f), Some(u)) = (from, until)
            && u < f
        {
            self.push("_tsunagu.until", ProblemKind::Order("from"));
            return None;
        }
        let stages = self.stages(ext);
        Some(Survey {
            key: key?,
            lang: lang?,
            title: title?,
            body: body?,
            url: url?,
            from: from?,
            until: until?,
            stages: stages?,
        })
    }
}
