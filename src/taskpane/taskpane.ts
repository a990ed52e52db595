import { officeExcelHost } from "./excel-host";
import { paneLanguage } from "./language";
import { Pane, showOutsideOffice } from "./pane";
import { workerJob } from "./worker-job";
import { JobSession, sessionWorkerFactory } from "./job-session";
import { commandLineTemplate, templateInserter } from "./template";

/** Starts the pane inside Excel; anywhere else (a plain browser, Office.js missing) says to open it in Excel. */
function boot(): void {
  if (typeof Office === "undefined") {
    showOutsideOffice(paneLanguage());
    return;
  }
  void Office.onReady((info) => {
    const lang = paneLanguage();
    if (String(info.host) !== "Excel" || typeof Excel === "undefined") {
      showOutsideOffice(lang);
      return;
    }
    void new Pane({ host: officeExcelHost(), lang, now: () => new Date(), job: workerJob(), session: new JobSession(sessionWorkerFactory()), insertTemplate: templateInserter(commandLineTemplate) }).start();
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
