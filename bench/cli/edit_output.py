#!/usr/bin/python3
"""Stands in for a user editing the command line's output between monthly runs (for `npm run bench:cli`):
types a manual tier and a reason into every 50th roster row and a review status and remark into every
40th retention-plan row, straight into the sheet XML (as inline strings), so the next run has edits to
carry. Excel or openpyxl would take minutes and drop our tables for a 100,000-row workbook; this takes
seconds. Usage: edit_output.py <file.xlsx> <run number>"""
import os
import re
import sys
import zipfile

path, run = sys.argv[1], int(sys.argv[2])

with zipfile.ZipFile(path) as z:
    names = z.namelist()
    parts = {n: z.read(n) for n in names}
    infos = {i.filename: i for i in z.infolist()}

strings = [re.sub(r"<[^>]+>", "", m.group(1).decode("utf8")) for m in re.finditer(rb"<si>(.*?)</si>", parts["xl/sharedStrings.xml"], re.S)]
wb = parts["xl/workbook.xml"].decode("utf8")
rels = parts["xl/_rels/workbook.xml.rels"].decode("utf8")
targets = dict(re.findall(r'<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
sheets = {name: "xl/" + targets[rid] for name, rid in re.findall(r'<sheet name="([^"]+)" sheetId="\d+"[^>]*r:id="([^"]+)"', wb)}


def header_columns(xml):
    """Header text → column letters, from the first row's shared-string cells."""
    first = re.search(r'<row r="1">(.*?)</row>', xml, re.S).group(1)
    return {strings[int(v)]: col for col, v in re.findall(r'<c r="([A-Z]+)1"[^>]*t="s"><v>(\d+)</v></c>', first)}


def edit(sheet, every, values):
    """Sets cells (header → text) in every `every`-th data row; a styled empty cell or a shared string is replaced."""
    part = sheets[sheet]
    xml = parts[part].decode("utf8")
    cols = header_columns(xml)
    letters = {cols[h]: t for h, t in values.items()}

    def row(m):
        r = int(m.group(1))
        if r < 2 or (r - 2) % every:
            return m.group(0)
        body = m.group(2)
        for col, text in letters.items():
            ref = f"{col}{r}"
            cell = f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
            new, n = re.subn(rf'<c r="{ref}"(?: s="(\d+)")?(?:/>|[^>]*>.*?</c>)', lambda c: cell.replace(' t=', f' s="{c.group(1)}" t=') if c.group(1) else cell, body, count=1)
            body = new if n else body
        return f'<row r="{r}">{body}</row>'

    parts[part] = re.sub(r'<row r="(\d+)">(.*?)</row>', row, xml, flags=re.S).encode("utf8")


zh = "客户分级名册" in sheets
edit("客户分级名册" if zh else "Tier Roster", 50, {("人工等级" if zh else "Manual Tier"): "A", ("调整原因" if zh else "Reason"): f"run {run}: key account"})
edit("客户维护方案" if zh else "Retention Plan", 40, {("审核状态" if zh else "Review Status"): "已审核", ("执行情况" if zh else "Execution"): f"visited in run {run}"})

tmp = path + ".edit.tmp"
with zipfile.ZipFile(tmp, "w") as out:
    for n in names:
        out.writestr(infos[n], parts[n], compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
os.replace(tmp, path)
