/**
 * xl/theme/theme1.xml: a small, complete theme (colours, fonts, the three-of-each format scheme).
 * Excel opens files without one, but LibreOffice and WPS resolve theme colours (chart series, the default
 * font's `theme="1"` colour) through it and draw empty charts without.
 */
export function themeXml(): string {
  const solid = (c: string): string => `<a:solidFill><a:srgbClr val="${c}"/></a:solidFill>`;
  const phSolid = `<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`;
  const line = (w: number): string => `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr">${phSolid}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`;
  const fonts = (latin: string, hans: string): string =>
    `<a:latin typeface="${latin}"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="${hans}"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Customer Tiers">` +
    `<a:themeElements>` +
    `<a:clrScheme name="Customer Tiers">` +
    `<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>` +
    `<a:dk2><a:srgbClr val="1F4E79"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>` +
    `<a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2>` +
    `<a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>` +
    `<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6>` +
    `<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink>` +
    `</a:clrScheme>` +
    `<a:fontScheme name="Customer Tiers"><a:majorFont>${fonts("Calibri Light", "等线 Light")}</a:majorFont>` +
    `<a:minorFont>${fonts("Calibri", "等线")}</a:minorFont></a:fontScheme>` +
    `<a:fmtScheme name="Customer Tiers">` +
    `<a:fillStyleLst>${phSolid}${phSolid}${phSolid}</a:fillStyleLst>` +
    `<a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
    `<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
    `<a:bgFillStyleLst>${phSolid}${solid("F2F2F2")}${phSolid}</a:bgFillStyleLst>` +
    `</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`
  );
}
