/*
 * ES5 on purpose (no let, arrows, classes): runs before office.js and the bundles on every page. Where the
 * webview cannot parse the ES2020 bundles (Internet Explorer 11 / Trident, legacy Edge / EdgeHTML, old
 * Safari), es2020-probe.js has not set its flag: the page then shows what to do in both languages instead
 * of staying blank, and the ribbon's button opens that message in a dialog instead of doing nothing.
 */
(function () {
  "use strict";
  var w = window;
  var ua = (w.navigator && w.navigator.userAgent) || "";
  var old = w.customerTiersModern !== true || /Trident\/|MSIE |Edge\/\d/.test(ua);
  w.customerTiersUnsupported = old;
  if (!old) return;
  var zh = "此加载项需要较新的 Office：Microsoft 365、Office 2021 或更高版本（Windows、Mac），或 Excel 网页版。您的 Office 使用旧的浏览器引擎（Internet Explorer 或旧版 Edge）显示加载项，无法运行本加载项。请更新 Office，或在浏览器中用 Excel 网页版打开此工作簿。";
  var en = "This add-in needs a newer Office: Microsoft 365, Office 2021 or later (Windows, Mac), or Excel on the web. Your Office shows add-ins with an old browser engine (Internet Explorer or the old Edge), which cannot run it. Update Office, or open this workbook in Excel on the web.";

  function show() {
    var body = document.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.id = "unsupported";
    var texts = [zh, en];
    for (var i = 0; i < texts.length; i++) {
      var p = document.createElement("p");
      p.appendChild(document.createTextNode(texts[i]));
      box.appendChild(p);
    }
    body.appendChild(box);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();

  // The function file: its bundle cannot load, so the button opens this message in a dialog (the dialog page
  // runs this same check) and completes at once.
  function recalculate(event) {
    var url = w.location.href.replace(/[^/]*([?#].*)?$/, "") + "dialog.html";
    try {
      w.Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, function () {
        event.completed();
      });
    } catch (e) {
      event.completed();
    }
  }
  w.addEventListener("load", function () {
    var office = w.Office;
    if (!office || !office.onReady) return;
    office.onReady(function () {
      if (office.actions && office.actions.associate) office.actions.associate("recalculate", recalculate);
    });
  });
})();
