#!/usr/bin/python3
"""The pandas + openpyxl baseline of `npm run bench:cli`: read the same workbook, compute the weighted
score (over the indicators each customer has, as the spec says) and the threshold tier, and write one
roster tab with a fill per tier. Run with Debian's python3 (python3-pandas, python3-openpyxl)."""
import sys

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import PatternFill

src, dst = sys.argv[1], sys.argv[2]
sheets = pd.read_excel(src, sheet_name=["客户状况登记表", "客户关系评估表", "评估模型"], engine="openpyxl")
reg, ev, model = sheets["客户状况登记表"], sheets["客户关系评估表"], sheets["评估模型"]

weights = dict(zip(model["指标"], model["权重"].astype(float)))
names = [n for n in weights if n in ev.columns]
scores = ev[names].apply(pd.to_numeric, errors="coerce")
w = pd.Series(weights)[names]
present = scores.notna()
weighted = (scores.fillna(0) * w).sum(axis=1)
present_w = (present * w).sum(axis=1)
ev["最终得分"] = weighted / present_w.where(present_w > 0)
ev["数据完整度"] = present_w / w.sum()


def tier(row):
    if row["数据完整度"] < 0.6 or pd.isna(row["最终得分"]):
        return "资料不全"
    s = row["最终得分"]
    return "A" if s >= 85 else "B" if s >= 70 else "C" if s >= 55 else "D"


ev["等级"] = ev.apply(tier, axis=1)
roster = ev[["客户编号", "客户名称", "最终得分", "数据完整度", "等级"]].merge(
    reg[["客户编号", "客户经理"]], on="客户编号", how="left"
)
roster = roster.sort_values(["最终得分", "客户编号"], ascending=[False, True], na_position="last")
roster.insert(0, "排名", range(1, len(roster) + 1))

FILLS = {t: PatternFill("solid", fgColor=c) for t, c in
         {"A": "C6EFCE", "B": "DDEBF7", "C": "FFEB9C", "D": "E7E6E6", "资料不全": "FFC7CE"}.items()}
wb = Workbook()
ws = wb.active
ws.title = "客户分级名册"
cols = list(roster.columns)
ws.append(cols)
tier_at = cols.index("等级")
for r, rec in enumerate(roster.itertuples(index=False), start=2):
    ws.append([None if (isinstance(v, float) and pd.isna(v)) else v for v in rec])
    fill = FILLS[rec[tier_at]]
    for c in range(1, len(cols) + 1):
        ws.cell(row=r, column=c).fill = fill
ws.freeze_panes = "A2"
wb.save(dst)
print(f"pandas: {len(roster)} customers written to {dst}")
