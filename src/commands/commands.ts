import { runWorkbookJob } from "../office/run-workbook-job";
import { paneLanguage } from "../taskpane/language";
import { errorText } from "../taskpane/pane";
import { workerJob } from "../taskpane/worker-job";
import { t } from "../taskpane/i18n";
import { commandReport, dialogUrl } from "./command-report";

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

/** The ribbon's "Recalculate tiers": runs the whole job without the pane, reports, then completes the event. */
async function recalculate(event: Office.AddinCommands.Event): Promise<void> {
  const lang = paneLanguage();
  try {
    const job = workerJob();
    const { outcome } = await Excel.run((ctx) => runWorkbookJob(ctx, { now: new Date(), write: true, job }));
    const r = commandReport(lang, outcome.summary);
    await report(r.title, r.text);
  } catch (e) {
    await report(t(lang, "commandFailed"), errorText(e, lang));
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("recalculate", recalculate);
});
