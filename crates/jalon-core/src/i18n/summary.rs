//! The summary as the CLI prints it: one line per level, indented, in the report's language.

use crate::i18n::Level;
use crate::summary::Summary;

impl Summary {
    pub fn to_text(&self) -> String {
        let lang = self.strategy.language;
        let colon = lang.colon();
        let mut out = String::new();
        let s = &self.strategy;
        out.push_str(&format!(
            "{}{}  {}\n",
            s.title,
            if s.period.is_empty() {
                String::new()
            } else {
                format!(" ({})", s.period)
            },
            lang.progress(s.progress)
        ));
        out.push_str(&lang.counts_line(s.axis_count, s.action_count, s.objective_count));
        out.push('\n');
        for axis in &self.axes {
            out.push_str(&format!(
                "\n{}{colon} {}  {}\n",
                lang.named(Level::Axis, axis.number),
                axis.title,
                lang.progress(axis.progress)
            ));
            for action in &axis.actions {
                out.push_str(&format!(
                    "  {}{colon} {}  {}\n",
                    lang.named(Level::Action, action.number),
                    action.title,
                    lang.progress(action.progress)
                ));
                for o in &action.objectives {
                    let part = match (o.part, o.parts) {
                        (Some(p), Some(n)) => format!(" ({p}/{n})"),
                        _ => String::new(),
                    };
                    out.push_str(&format!(
                        "    {} {:<8}  {:>5}  {:<12}  {}\n",
                        lang.level(Level::Objective),
                        format!("{}{part}", o.number),
                        lang.percent(o.progress),
                        lang.status(o.status),
                        o.title
                    ));
                }
            }
        }
        out
    }
}
