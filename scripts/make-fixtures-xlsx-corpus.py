#!/usr/bin/python3
"""Builds test/xlsx-corpus/files/*.xlsx and test/xlsx-corpus/openpyxl.json.

Run with Debian's python (python3-openpyxl, python3-xlsxwriter) and libreoffice-calc:
    /usr/bin/python3 scripts/make-fixtures-xlsx-corpus.py

The corpus holds workbooks written the way real generators write them (xlsxwriter, openpyxl, LibreOffice),
hand-edited XML variants of them (namespace prefixes, cells without r, single-quoted attributes, comments,
CDATA, phonetic runs, the 1904 date system, inline strings, part names in other cases) and ZIP variants
(stored entries, data descriptors, ZIP64 records and per-entry extras, odd entry order). openpyxl's
reading of every file is recorded in openpyxl.json, cell by cell, so the tests compare our reader with it
without needing python at run time. Damaged and hostile files are made by the tests themselves.
"""
import datetime
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

import openpyxl
import xlsxwriter

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DEST = os.path.join(ROOT, "test", "xlsx-corpus", "files")
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

HEADER = ["客户编号", "客户名称", "客户经理", "日均存款", "满意度", "开户日期", "重点客户", "备注"]
ROWS = [
    ["C001", "华星贸易", "王芳", 1200000, 0.9, datetime.date(2024, 5, 20), True, "季度走访"],
    ["C002", "东方机械", "李强", 350000.5, 0.85, datetime.date(2023, 1, 31), False, "A&B <合作> \"老客户\""],
    ["C003", "南山食品", "王芳", 0, 0.625, datetime.date(2020, 2, 29), True, None],
    ["C004", "  北辰物流 ", "赵敏", -42.25, 1, datetime.date(1999, 12, 31), False, "line1\nline2"],
    ["C005", "西岭科技", "李强", 1e-7, 0.001, datetime.datetime(2024, 6, 30, 14, 30), True, "=HYPERLINK(\"http://x\")"],
]


def write_xlsxwriter(path):
    """The base workbook: shared strings, styles with percent and date formats, a formula with its value."""
    wb = xlsxwriter.Workbook(path)
    pct = wb.add_format({"num_format": "0%"})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    dt = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    bold = wb.add_format({"bold": True})
    ws = wb.add_worksheet("客户状况登记表")
    ws.write_row(0, 0, HEADER)
    for r, row in enumerate(ROWS, start=1):
        for c, v in enumerate(row):
            if v is None:
                continue
            if c == 4:
                ws.write_number(r, c, v, pct)
            elif c == 5:
                ws.write_datetime(r, c, datetime.datetime.combine(v, datetime.time()) if isinstance(v, datetime.date) and not isinstance(v, datetime.datetime) else v, dt if isinstance(v, datetime.datetime) else date)
            elif isinstance(v, str):
                ws.write_string(r, c, v)
            else:
                ws.write(r, c, v)
    ws.write_formula(7, 3, "=SUM(D2:D6)", None, 1550000.5 - 42.25 + 1e-7)
    ws.write_formula(7, 4, "=NA()", None, "#N/A")
    ws.write_formula(7, 0, '="合"&"计"', None, "合计")
    ws.write_rich_string(8, 1, "富", bold, "文本", "run")
    ev = wb.add_worksheet("客户关系评估表")
    ev.write_row(0, 0, ["客户编号", "合作深度", "满意度", "潜力"])
    ev.write_row(1, 0, ["权重", 30, 25, 45])
    for i in range(2, 12):
        ev.write_row(i, 0, [f"C{i - 1:03d}", 60 + i, 70 + (i * 7) % 30, 55.5 + i])
    ev.write(20, 25, "far cell Z21")
    hidden = wb.add_worksheet("设置")
    hidden.write(0, 0, "分级方式")
    hidden.write(0, 1, "分位")
    hidden.hide()
    wb.close()


def write_openpyxl(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户状况登记表"
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    for r in range(2, 2 + len(ROWS)):
        ws.cell(r, 5).number_format = "0%"
        ws.cell(r, 6).number_format = "yyyy-mm-dd"
    ws["J12"] = 3.14159
    ws2 = wb.create_sheet("Sheet 2")
    ws2["A1"] = "only"
    ws2["C3"] = 7
    wb.save(path)


def libreoffice(src, name):
    work = tempfile.mkdtemp()
    try:
        profile = f"-env:UserInstallation=file://{work}/profile"
        subprocess.run(["soffice", profile, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", work, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(work, os.path.splitext(os.path.basename(src))[0] + ".xlsx"), os.path.join(DEST, name))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def parts_of(path):
    """The package's parts in the zip's order: [(name, bytes)]."""
    with zipfile.ZipFile(path) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def edit(parts, fn):
    return [(n, fn(n, d)) for n, d in parts]


# ---- a ZIP writer with every option real zips use ----------------------------------------------------

def write_zip(path, parts, method=8, descriptor=False, zip64_entries=False, zip64_end=False):
    out = io.BytesIO()
    central = []
    for name, data in parts:
        nb = name.encode("utf-8")
        crc = zlib.crc32(data) & 0xFFFFFFFF
        if method == 8:
            co = zlib.compressobj(6, zlib.DEFLATED, -15)
            comp = co.compress(data) + co.flush()
        else:
            comp = data
        flag = 0x0800 | (0x0008 if descriptor else 0)
        offset = out.tell()
        extra = b""
        csize, usize = len(comp), len(data)
        if zip64_entries:
            extra = struct.pack("<HHQQ", 0x0001, 16, usize, csize)
            l_csize = l_usize = 0xFFFFFFFF
        else:
            l_csize, l_usize = csize, usize
        l_crc = crc
        if descriptor:
            l_crc = 0
            if not zip64_entries:
                l_csize = l_usize = 0
        version = 45 if (zip64_entries or zip64_end) else 20
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, version, flag, method, 0, 0x21, l_crc, l_csize, l_usize, len(nb), len(extra)))
        out.write(nb + extra + comp)
        if descriptor:
            if zip64_entries:
                out.write(struct.pack("<IIQQ", 0x08074B50, crc, csize, usize))
            else:
                out.write(struct.pack("<IIII", 0x08074B50, crc, csize, usize))
        central.append((nb, flag, crc, csize, usize, offset, version))
    cd_start = out.tell()
    for nb, flag, crc, csize, usize, offset, version in central:
        if zip64_entries:
            extra = struct.pack("<HHQQQ", 0x0001, 24, usize, csize, offset)
            c_csize = c_usize = c_off = 0xFFFFFFFF
        else:
            extra = b""
            c_csize, c_usize, c_off = csize, usize, offset
        out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, version, version, flag, method, 0, 0x21, crc, c_csize, c_usize,
                              len(nb), len(extra), 0, 0, 0, 0, c_off))
        out.write(nb + extra)
    cd_end = out.tell()
    n = len(central)
    if zip64_end:
        z64 = cd_end
        out.write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, n, n, cd_end - cd_start, cd_start))
        out.write(struct.pack("<IIQI", 0x07064B50, 0, z64, 1))
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0))
    else:
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, cd_end - cd_start, cd_start, 0))
    with open(path, "wb") as f:
        f.write(out.getvalue())


# ---- hand edits of the XML ---------------------------------------------------------------------------

def is_main_part(name):
    return name == "xl/workbook.xml" or name.startswith("xl/worksheets/") or name in ("xl/sharedStrings.xml", "xl/styles.xml")


def prefix_x(name, data):
    """Every SpreadsheetML element written with the x: prefix (as .NET OpenXML tools do)."""
    if not is_main_part(name):
        return data
    s = data.decode("utf-8")
    s = s.replace(f'xmlns="{MAIN_NS}"', f'xmlns:x="{MAIN_NS}"')
    s = re.sub(r"<(/?)([A-Za-z][\w]*)(?=[\s/>])", lambda m: f"<{m.group(1)}x:{m.group(2)}", s)
    return s.encode("utf-8")


def single_quotes(name, data):
    if not name.endswith(".xml") and not name.endswith(".rels"):
        return data
    s = data.decode("utf-8")
    s = re.sub(r'(\s[\w:]+)="([^"\']*)"', r"\1='\2'", s)
    return s.encode("utf-8")


def comments(name, data):
    """XML comments everywhere, one of them holding an old row that must not be read."""
    s = data.decode("utf-8")
    if name == "xl/worksheets/sheet1.xml":
        s = s.replace("</row>", "</row><!-- between rows -->", 2)
        s = s.replace("<sheetData>", '<sheetData><!-- <row r="3"><c r="A3"><v>999</v></c></row> -->', 1)
    if name.endswith(".xml") or name.endswith(".rels"):
        s = s.replace("?>", "?><!-- written by hand -->", 1)
    return s.encode("utf-8")


def cdata(name, data):
    """Shared strings as CDATA sections (text with markup characters unescaped inside)."""
    if name != "xl/sharedStrings.xml":
        return data
    s = data.decode("utf-8")

    def repl(m):
        text = m.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
        return f"<t{m.group(1)}><![CDATA[{text}]]></t>"
    s = re.sub(r"<t([^>]*)>([^<]*)</t>", repl, s)
    return s.encode("utf-8")


def phonetic(name, data):
    """Phonetic runs (furigana) and their properties after the text of every shared string."""
    if name != "xl/sharedStrings.xml":
        return data
    s = data.decode("utf-8")
    s = s.replace("<t>东方机械</t></si>", '<t>东方机械</t><rPh sb="0" eb="2"><t>トウホウ</t></rPh><rPh sb="2" eb="4"><t>キカイ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>')
    s = s.replace("<t>华星贸易</t></si>", '<t>华星贸易</t><phoneticPr fontId="1"/></si>')
    return s.encode("utf-8")


def date1904(name, data):
    """The 1904 date system: date serials 1462 lower, one ISO date cell (t="d") that must not shift."""
    s = data.decode("utf-8")
    if name == "xl/workbook.xml":
        s = re.sub(r"<workbookPr([^>]*)/>", r'<workbookPr date1904="1"\1/>', s)
    if name == "xl/worksheets/sheet1.xml":
        def shift(m):
            return f'{m.group(1)}<v>{float(m.group(2)) - 1462:g}</v>'
        # Column F holds dates (style with a date format): shift their serials.
        s = re.sub(r'(<c r="F\d+" s="\d+"[^>]*>)<v>([\d.]+)</v>', shift, s)
        s = s.replace("</sheetData>", '<row r="12"><c r="A12" t="d"><v>2024-05-20T00:00:00</v></c></row></sheetData>')
    return s.encode("utf-8")


def hand_sheet_no_r():
    """A sheet whose rows and cells carry no r (as some generators write), an inline rich string, a gap row."""
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<worksheet xmlns="{MAIN_NS}"><sheetData>'
            '<row><c t="inlineStr"><is><t>客户编号</t></is></c><c t="inlineStr"><is><r><t>客户</t></r><r><rPr><b/></rPr><t>名称</t></r></is></c><c t="inlineStr"><is><t>得分</t></is></c></row>'
            '<row><c t="inlineStr"><is><t>C001</t></is></c><c t="inlineStr"><is><t>东方机械</t><rPh sb="0" eb="2"><t>トウホウ</t></rPh></is></c><c><v>88.5</v></c></row>'
            '<row r="4"><c t="inlineStr"><is><t>C002</t></is></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c></row>'
            '<row><c/><c t="str"><v>a&lt;b</v></c><c><v>-0.5</v></c></row>'
            '</sheetData></worksheet>').encode("utf-8")


def no_r(parts):
    """Replaces the second sheet by hand_sheet_no_r()."""
    return [(n, hand_sheet_no_r() if n == "xl/worksheets/sheet2.xml" else d) for n, d in parts]


def renamed_parts(parts):
    """Part names in other cases / names, resolved only through rels and content types:
    xl/Styles.xml, xl/SharedStrings.xml, xl/workbook2.xml (its rels xl/_rels/workbook2.xml.rels)."""
    rename = {"xl/styles.xml": "xl/Styles.xml", "xl/sharedStrings.xml": "xl/SharedStrings.xml",
              "xl/workbook.xml": "xl/workbook2.xml", "xl/_rels/workbook.xml.rels": "xl/_rels/workbook2.xml.rels"}
    out = []
    for n, d in parts:
        s = d
        if n == "[Content_Types].xml":
            t = d.decode("utf-8")
            t = t.replace('"/xl/styles.xml"', '"/xl/Styles.xml"').replace('"/xl/sharedStrings.xml"', '"/xl/SharedStrings.xml"').replace('"/xl/workbook.xml"', '"/xl/workbook2.xml"')
            s = t.encode("utf-8")
        elif n == "_rels/.rels":
            s = d.decode("utf-8").replace('Target="xl/workbook.xml"', 'Target="xl/workbook2.xml"').encode("utf-8")
        elif n == "xl/_rels/workbook.xml.rels":
            s = d.decode("utf-8").replace('Target="styles.xml"', 'Target="Styles.xml"').replace('Target="sharedStrings.xml"', 'Target="SharedStrings.xml"').encode("utf-8")
        out.append((rename.get(n, n), s))
    return out


def odd_order(parts):
    """Sheets first, shared strings and styles after them, [Content_Types].xml last."""
    def key(p):
        n = p[0]
        if n.startswith("xl/worksheets/"):
            return 0
        if n == "[Content_Types].xml":
            return 3
        if n in ("xl/sharedStrings.xml", "xl/styles.xml"):
            return 2
        return 1
    return sorted(parts, key=key)


# ---- openpyxl's reading ------------------------------------------------------------------------------

EPOCH_1900 = datetime.datetime(1899, 12, 30)


def serial(v):
    if isinstance(v, datetime.datetime):
        d = v
    elif isinstance(v, datetime.date):
        d = datetime.datetime.combine(v, datetime.time())
    elif isinstance(v, datetime.time):
        return (v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6) / 86400
    else:
        raise TypeError(v)
    return (d - EPOCH_1900).total_seconds() / 86400


ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"}


def openpyxl_reading(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None or v == "":
                    continue
                if isinstance(v, bool):
                    cells.append([c.row - 1, c.column - 1, "boolean", v])
                elif isinstance(v, (int, float)):
                    cells.append([c.row - 1, c.column - 1, "number", v])
                elif isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
                    cells.append([c.row - 1, c.column - 1, "date", round(serial(v), 9)])
                elif isinstance(v, str) and c.data_type == "e":
                    cells.append([c.row - 1, c.column - 1, "error", v])
                else:
                    cells.append([c.row - 1, c.column - 1, "text", str(v)])
        sheets.append({"name": ws.title, "hidden": ws.sheet_state != "visible", "cells": cells})
    return sheets


def main():
    os.makedirs(DEST, exist_ok=True)
    for f in os.listdir(DEST):
        os.remove(os.path.join(DEST, f))
    work = tempfile.mkdtemp()
    try:
        base = os.path.join(work, "xlsxwriter.xlsx")
        write_xlsxwriter(base)
        shutil.copy(base, os.path.join(DEST, "xlsxwriter.xlsx"))
        write_openpyxl(os.path.join(DEST, "openpyxl.xlsx"))
        libreoffice(base, "libreoffice.xlsx")
        libreoffice(os.path.join(DEST, "openpyxl.xlsx"), "libreoffice-from-openpyxl.xlsx")
        parts = parts_of(base)
        variants = {
            "xml-prefix-x.xlsx": edit(parts, prefix_x),
            "xml-single-quotes.xlsx": edit(parts, single_quotes),
            "xml-comments.xlsx": edit(parts, comments),
            "xml-cdata.xlsx": edit(parts, cdata),
            "xml-phonetic.xlsx": edit(parts, phonetic),
            "xml-1904.xlsx": edit(parts, date1904),
            "xml-no-r-inline.xlsx": no_r(parts),
            "parts-renamed.xlsx": renamed_parts(parts),
        }
        for name, ps in variants.items():
            write_zip(os.path.join(DEST, name), ps)
        write_zip(os.path.join(DEST, "zip-stored.xlsx"), parts, method=0)
        write_zip(os.path.join(DEST, "zip-data-descriptors.xlsx"), parts, descriptor=True)
        write_zip(os.path.join(DEST, "zip-stored-descriptors.xlsx"), parts, method=0, descriptor=True)
        write_zip(os.path.join(DEST, "zip64-end-record.xlsx"), parts, zip64_end=True)
        write_zip(os.path.join(DEST, "zip64-entries.xlsx"), parts, zip64_entries=True, zip64_end=True)
        write_zip(os.path.join(DEST, "zip64-prefix-no-r.xlsx"), no_r(edit(parts, prefix_x)), zip64_entries=True, zip64_end=True, descriptor=True)
        write_zip(os.path.join(DEST, "zip-odd-order.xlsx"), odd_order(parts))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    reading = {}
    for f in sorted(os.listdir(DEST)):
        try:
            reading[f] = openpyxl_reading(os.path.join(DEST, f))
        except Exception as e:  # openpyxl cannot read every valid package: recorded, the tests compare with the source
            reading[f] = {"openpyxlError": f"{type(e).__name__}: {e}"}
    with open(os.path.join(ROOT, "test", "xlsx-corpus", "openpyxl.json"), "w", encoding="utf-8") as fh:
        json.dump({"openpyxl": openpyxl.__version__, "files": reading}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    for f in sorted(os.listdir(DEST)):
        print(f"{os.path.getsize(os.path.join(DEST, f)):>8}  {f}")


if __name__ == "__main__":
    sys.exit(main())
