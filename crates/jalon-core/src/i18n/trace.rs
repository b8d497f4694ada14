//! The words of a trace ("mean of 75, 50 = 125 / 2 = 62.5").

use crate::i18n::{Language, Level};

pub(crate) struct TraceWords {
    pub(crate) mean: &'static str,
    pub(crate) weighted: &'static str,
    pub(crate) left_out: &'static str,
    pub(crate) nothing: &'static str,
    pub(crate) shown: &'static str,
    pub(crate) abandoned: &'static str,
    pub(crate) no_progress: &'static str,
    pub(crate) objective: &'static str,
    pub(crate) action: &'static str,
    pub(crate) axis: &'static str,
    pub(crate) strategy: &'static str,
}

pub(crate) fn trace_words(lang: Language) -> TraceWords {
    match lang {
        Language::En => TraceWords {
            mean: "mean of",
            weighted: "weighted mean of",
            left_out: "left out",
            nothing: "nothing counted, so no progress (—)",
            shown: "shown as",
            abandoned: "abandoned",
            no_progress: "no progress",
            objective: lang.level(Level::Objective),
            action: lang.level(Level::Action),
            axis: lang.level(Level::Axis),
            strategy: lang.level(Level::Strategy),
        },
        Language::Fr => TraceWords {
            mean: "moyenne de",
            weighted: "moyenne pondérée de",
            left_out: "non comptés",
            nothing: "rien n’est compté, donc pas d’avancement (—)",
            shown: "affiché",
            abandoned: "abandonné",
            no_progress: "sans avancement",
            objective: lang.level(Level::Objective),
            action: lang.level(Level::Action),
            axis: lang.level(Level::Axis),
            strategy: lang.level(Level::Strategy),
        },
    }
}
