//! The desktop commands, one per use case of jalon-app: take the state, call the use case,
//! convert the error. Those that write a file first ask where, through `Dialogs`. The list
//! that registers them is command-list.rs.

use std::path::PathBuf;

use jalon_app::{
    About, ChartPreview, ChartScope, ChartSettings, ChartsExported, CloseChecks, CsvProfile,
    DeckFormat, DeckOptions, DeckPreview, HistoryFilter, ImportKind, Imported, OutputSettings,
    PeriodChange, PeriodKey, RoundApplied, RoundDecision, RoundStarted, Saved, View,
    WorkbookReview, Written, chart_file_name,
};
use jalon_core::{Comparison, ObjectiveFields, Strategy, Subject, Trace};
use jalon_store::{HistoryEntry, HistoryPage, Round};
use tauri::{State, WebviewWindow};

use crate::instance::Handed;
use crate::{AppState, Kind, Result, set_title};

type St<'a> = State<'a, AppState>;

#[tauri::command]
pub async fn load(state: St<'_>) -> Result<View> {
    Ok(state.app().view())
}

#[tauri::command]
pub async fn update_objective(state: St<'_>, id: i64, fields: ObjectiveFields) -> Result<Saved> {
    Ok(state.app().save_objective(id, &fields)?)
}

#[tauri::command]
pub async fn update_strategy(state: St<'_>, strategy: Strategy) -> Result<View> {
    Ok(state.app().update_strategy(&strategy)?)
}

#[tauri::command]
pub async fn add_axis(state: St<'_>, title: String) -> Result<View> {
    Ok(state.app().add_axis(&title)?)
}

#[tauri::command]
pub async fn rename_axis(state: St<'_>, id: i64, number: u32, title: String) -> Result<View> {
    Ok(state.app().rename_axis(id, number, &title)?)
}

#[tauri::command]
pub async fn delete_axis(state: St<'_>, id: i64) -> Result<View> {
    Ok(state.app().delete_axis(id)?)
}

#[tauri::command]
pub async fn move_axis(state: St<'_>, id: i64, index: usize) -> Result<View> {
    Ok(state.app().move_axis(id, index)?)
}

#[tauri::command]
pub async fn add_action(state: St<'_>, axis_id: i64, title: String) -> Result<View> {
    Ok(state.app().add_action(axis_id, &title)?)
}

#[tauri::command]
pub async fn rename_action(state: St<'_>, id: i64, number: u32, title: String) -> Result<View> {
    Ok(state.app().rename_action(id, number, &title)?)
}

#[tauri::command]
pub async fn delete_action(state: St<'_>, id: i64) -> Result<View> {
    Ok(state.app().delete_action(id)?)
}

#[tauri::command]
pub async fn move_action(state: St<'_>, id: i64, axis_id: i64, index: usize) -> Result<View> {
    Ok(state.app().move_action(id, axis_id, index)?)
}

#[tauri::command]
pub async fn add_objective(state: St<'_>, action_id: i64, title: String) -> Result<View> {
    Ok(state.app().add_objective(action_id, &title)?)
}

#[tauri::command]
pub async fn delete_objective(state: St<'_>, id: i64) -> Result<View> {
    Ok(state.app().delete_objective(id)?)
}

#[tauri::command]
pub async fn move_objective(state: St<'_>, id: i64, action_id: i64, index: usize) -> Result<View> {
    Ok(state.app().move_objective(id, action_id, index)?)
}

#[tauri::command]
pub async fn split_objective(state: St<'_>, id: i64, parts: u32) -> Result<View> {
    Ok(state.app().split_objective(id, parts)?)
}

#[tauri::command]
pub async fn trace(state: St<'_>, subject: Subject) -> Result<Option<Trace>> {
    Ok(state.app().trace(subject))
}

#[tauri::command]
pub async fn undo(state: St<'_>) -> Result<View> {
    Ok(state.app().undo()?)
}

#[tauri::command]
pub async fn redo(state: St<'_>) -> Result<View> {
    Ok(state.app().redo()?)
}

#[tauri::command]
pub async fn new_report(
    state: St<'_>,
    window: WebviewWindow,
    title: String,
) -> Result<Option<View>> {
    let ask = move |d: &dyn crate::Dialogs| d.save(&title, Kind::Report, "Report.jalon");
    let Some(path) = state.ask(ask).await else {
        return Ok(None);
    };
    let view = state.app().new_report(&path)?;
    set_title(&window, &path)?;
    Ok(Some(view))
}

#[tauri::command]
pub async fn open_report(
    state: St<'_>,
    window: WebviewWindow,
    title: String,
) -> Result<Option<View>> {
    let Some(path) = state.ask(move |d| d.open(&title, Kind::Report)).await else {
        return Ok(None);
    };
    open_path(&state, &window, path).map(Some)
}

#[tauri::command]
pub async fn open_recent(state: St<'_>, window: WebviewWindow, path: String) -> Result<View> {
    open_path(&state, &window, PathBuf::from(path))
}

/// Opens another report; on failure the current one stays open and the title is kept.
fn open_path(state: &AppState, window: &WebviewWindow, path: PathBuf) -> Result<View> {
    let view = state.app().switch_to(&path)?;
    set_title(window, &path)?;
    Ok(view)
}

#[tauri::command]
pub async fn save_copy_as(state: St<'_>, title: String) -> Result<Option<String>> {
    let ask = move |d: &dyn crate::Dialogs| d.save(&title, Kind::Report, "Copy.jalon");
    let Some(path) = state.ask(ask).await else {
        return Ok(None);
    };
    state.app().save_copy(&path)?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn import_page(state: St<'_>, title: String) -> Result<Option<Imported>> {
    import(&state, title, Kind::Page, ImportKind::Page).await
}

#[tauri::command]
pub async fn import_json(state: St<'_>, title: String) -> Result<Option<Imported>> {
    import(&state, title, Kind::Json, ImportKind::Json).await
}

/// Asks for a page and keeps it as the closed period `label`, dated `as_of`.
#[tauri::command]
pub async fn import_past_page(
    state: St<'_>,
    title: String,
    label: String,
    as_of: String,
) -> Result<Option<Imported>> {
    import(
        &state,
        title,
        Kind::Page,
        ImportKind::PastPage { label, as_of },
    )
    .await
}

async fn import(
    state: &AppState,
    title: String,
    kind: Kind,
    how: ImportKind,
) -> Result<Option<Imported>> {
    let Some(path) = state.ask(move |d| d.open(&title, kind)).await else {
        return Ok(None);
    };
    Ok(Some(state.app().import(how, &path)?))
}

#[tauri::command]
pub async fn export_json(state: St<'_>, title: String) -> Result<Option<String>> {
    let ask = move |d: &dyn crate::Dialogs| d.save(&title, Kind::Json, "report.json");
    let Some(path) = state.ask(ask).await else {
        return Ok(None);
    };
    state.app().export_json(&path)?;
    Ok(Some(path.display().to_string()))
}

/// Publishes the period on screen as a web page (index.html) in a folder the person chooses.
#[tauri::command]
pub async fn publish(state: St<'_>, title: String) -> Result<Option<Written>> {
    let Some(folder) = state.ask(move |d| d.folder(&title)).await else {
        return Ok(None);
    };
    Ok(Some(
        state.app().publish(&folder, &OutputSettings::default())?,
    ))
}

/// Writes the period on screen as CSV where the person chooses.
#[tauri::command]
pub async fn export_csv(
    state: St<'_>,
    profile: CsvProfile,
    title: String,
) -> Result<Option<Written>> {
    let ask = move |d: &dyn crate::Dialogs| d.save(&title, Kind::Csv, "report.csv");
    let Some(path) = state.ask(ask).await else {
        return Ok(None);
    };
    Ok(Some(state.app().export_csv(
        &path,
        profile,
        &OutputSettings::default(),
    )?))
}

/// Writes the committee deck of the period on screen where the person chooses.
#[tauri::command]
pub async fn export_deck(
    state: St<'_>,
    options: DeckOptions,
    title: String,
) -> Result<Option<Written>> {
    let (kind, suggested) = match options.format {
        DeckFormat::Pptx => (Kind::Pptx, "committee-deck.pptx"),
        DeckFormat::Odp => (Kind::Odp, "committee-deck.odp"),
    };
    let Some(path) = state.ask(move |d| d.save(&title, kind, suggested)).await else {
        return Ok(None);
    };
    Ok(Some(state.app().deck(&path, &options.settings())?))
}

/// The deck the export would write, slide by slide, with the layouts it goes on.
#[tauri::command]
pub async fn deck_preview(state: St<'_>, options: DeckOptions) -> Result<DeckPreview> {
    Ok(state.app().deck_preview(&options.settings())?)
}

/// Asks for a PowerPoint template for the deck; the UI remembers it for the report.
#[tauri::command]
pub async fn choose_template(state: St<'_>, title: String) -> Result<Option<String>> {
    Ok(state
        .ask(move |d| d.open(&title, Kind::Template))
        .await
        .map(|p| p.display().to_string()))
}

/// Starts a contributor round: one workbook per lead (or only `leads`) in a folder the person
/// chooses.
#[tauri::command]
pub async fn start_round(
    state: St<'_>,
    due: String,
    leads: Vec<String>,
    title: String,
) -> Result<Option<RoundStarted>> {
    let Some(folder) = state.ask(move |d| d.folder(&title)).await else {
        return Ok(None);
    };
    Ok(Some(state.app().start_round(&folder, &leads, &due)?))
}

/// Reads returned workbooks the person chooses and says what each proposes; changes nothing.
#[tauri::command]
pub async fn review_round(state: St<'_>, title: String) -> Result<Vec<WorkbookReview>> {
    let files = state
        .ask(move |d| Some(d.open_many(&title, Kind::Workbook)))
        .await
        .unwrap_or_default();
    let paths: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
    Ok(state.app().review_round(&paths)?)
}

/// Applies the person's decisions on one reviewed workbook.
#[tauri::command]
pub async fn apply_round(
    state: St<'_>,
    file: String,
    sha256: String,
    decisions: Vec<RoundDecision>,
) -> Result<RoundApplied> {
    Ok(state
        .app()
        .apply_round(std::path::Path::new(&file), &sha256, &decisions)?)
}

#[tauri::command]
pub async fn rounds(state: St<'_>) -> Result<Vec<Round>> {
    Ok(state.app().rounds()?)
}

#[tauri::command]
pub async fn chart_previews(
    state: St<'_>,
    scope: ChartScope,
    settings: ChartSettings,
) -> Result<Vec<ChartPreview>> {
    Ok(state.app().chart_previews(scope, &settings)?)
}

/// Saves one chart where the person chooses. With both formats, the SVG goes beside the PNG.
#[tauri::command]
pub async fn export_chart(
    state: St<'_>,
    stem: String,
    settings: ChartSettings,
    title: String,
) -> Result<Option<Vec<String>>> {
    let kind = if settings.format == jalon_app::ChartFormat::Svg {
        Kind::Svg
    } else {
        Kind::Png
    };
    let name = chart_file_name(&stem, settings.format);
    let Some(path) = state.ask(move |d| d.save(&title, kind, &name)).await else {
        return Ok(None);
    };
    Ok(Some(state.app().export_chart(&path, &stem, &settings)?))
}

/// Writes every chart of the scope into a folder the person chooses, under stable names.
#[tauri::command]
pub async fn export_charts(
    state: St<'_>,
    scope: ChartScope,
    settings: ChartSettings,
    title: String,
) -> Result<Option<ChartsExported>> {
    let Some(folder) = state.ask(move |d| d.folder(&title)).await else {
        return Ok(None);
    };
    Ok(Some(state.app().export_charts(
        &folder,
        &[scope],
        &settings,
    )?))
}

/// Shows a closed period read-only, or the open period again with `None`.
#[tauri::command]
pub async fn view_period(state: St<'_>, id: Option<i64>) -> Result<View> {
    Ok(state.app().view_period(id)?)
}

#[tauri::command]
pub async fn close_checks(state: St<'_>) -> Result<CloseChecks> {
    Ok(state.app().close_checks()?)
}

#[tauri::command]
pub async fn close_period(
    state: St<'_>,
    next_label: String,
    next_as_of: String,
) -> Result<PeriodChange> {
    let closed = state
        .app()
        .close_period(Some(&next_label), Some(&next_as_of))?;
    Ok(closed.change)
}

#[tauri::command]
pub async fn compare_periods(state: St<'_>, from: i64, to: i64) -> Result<Comparison> {
    Ok(state
        .app()
        .compare(Some(PeriodKey::Id(from)), Some(PeriodKey::Id(to)))?)
}

#[tauri::command]
pub async fn objective_history(state: St<'_>, id: i64) -> Result<Vec<HistoryEntry>> {
    Ok(state.app().objective_history(id)?)
}

/// The newest `limit` changes of a period (of every period with None), and how many there are.
#[tauri::command]
pub async fn period_history(
    state: St<'_>,
    period: Option<i64>,
    limit: usize,
) -> Result<HistoryPage> {
    let filter = HistoryFilter {
        period: period.map(PeriodKey::Id),
        objective: None,
        limit: Some(limit),
    };
    Ok(state.app().history(&filter)?)
}

/// The file another launch (or the system, on macOS) handed to this window, if one waits:
/// the UI then opens it as Open… would.
#[tauri::command]
pub async fn take_handed_file(handed: State<'_, Handed>) -> Result<Option<String>> {
    Ok(handed.take().map(|p| jalon_app::files::shown(&p)))
}

#[tauri::command]
pub async fn about(state: St<'_>) -> Result<About> {
    Ok(state.app().about())
}

/// Asked by the window when it gains focus and every few seconds.
#[tauri::command]
pub async fn reread_if_changed(state: St<'_>) -> Result<Option<View>> {
    Ok(state.app().reread_if_changed()?)
}
