import { pick } from "../core/i18n/lang";
import { WriteRefusal } from "../office/write-refusal";
import { paneLanguage } from "../taskpane/language";
import { errorText } from "../taskpane/pane";
import { workerJob } from "../taskpane/worker-job";
import { t } from "../taskpane/i18n";
import { commandReport, dialogUrl } from "./command-report";
import { useThePane } from "./command-route";
import { ribbonRecalculate } from "./ribbon-run";

/** Shows a short report in an Office dialog; resolves when the user closes it (or after a minute). */
function report(title: string, text: string): Promise<void> {
  const lang = paneLanguage();
  return new Promise((resolve) => {
    const done = (): void => resolve();
    const timer = setTimeout(done, 60_000);
    Office.context.ui.displayDialogAsync(dialogUrl(window.location.href, lang, title, text), { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        clearTimeout(timer);
        done();
        return;
      }
      const dialog = result.value;
      const close = (): void => {
        clearTimeout(timer);
        dialog.close();
        done();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
        clearTimeout(timer);
        done();
      });
    });
  });
}

/** Shows the task pane where the shared runtime allows it (not with this manifest); false otherwise. */
async function showPane(): Promise<boolean> {
  try {
    if (!Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) return false;
    await Office.addin.showAsTaskpane();
    return true;
  } catch {
    return false;
  }
}

/**
 * The ribbon's "Recalculate tiers": measures the workbook first; what finishes well within the 5 minutes
 * Office gives a function command runs here, without the pane, and reports; anything larger is sent to the
 * task pane, which runs with progress. Then completes the event.
 */
async function recalculate(event: Office.AddinCommands.Event): Promise<void> {
  const lang = paneLanguage();
  try {
    // Waits (bounded) for a run of the pane or a co-author that holds the workbook's lock, as the pane does.
    const done = await ribbonRecalculate((batch) => Excel.run((ctx) => batch(ctx)), { now: new Date(), job: workerJob() });
    if (done.kind === "pane") {
      const m = useThePane(done.cells, await showPane());
      await report(pick(m.title, lang), pick(m.text, lang));
      return;
    }
    const r = commandReport(lang, done.summary);
    await report(r.title, r.text);
  } catch (e) {
    await report(t(lang, "commandFailed"), e instanceof WriteRefusal ? e.in(lang) : errorText(e, lang));
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("recalculate", recalculate);
});
