#!/usr/bin/env python3
"""Deterministic generator of large parplan plans for benchmarks.

    genplan.py --seed 1 --fields 50 --tasks 10 --activities 100 --out DIR \
               [--changed-out DIR2]

Writes DIR/plan.yaml plus one field file per field (NN-<slug>.yaml), with
--fields x --tasks x --activities activities (--activities is per task).
--changed-out writes a second version of the same plan in which ~1% of the
activities are changed (slipped end months, lead owner changes, status
changes, a few activities added and a few removed).

Output depends only on the arguments: same arguments, byte-identical files.
Python 3 standard library only; YAML text is emitted directly.

An output directory must be empty, missing, or one this script wrote before
(it holds a .genplan marker); the *.yaml files in it are then replaced.
"""

import argparse
import os
import random
import sys
import unicodedata

# --------------------------------------------------------------------------
# Vocabulary (Vietnamese public-administration language, NFC).

VERBS = [
    "Tổ chức", "Triển khai", "Xây dựng", "Rà soát", "Kiểm tra", "Tuyên truyền",
    "Đánh giá", "Hướng dẫn", "Ban hành", "Nâng cao chất lượng", "Đẩy mạnh",
    "Thực hiện", "Tập huấn", "Cập nhật", "Công khai", "Số hóa", "Kiện toàn",
    "Theo dõi", "Tổng hợp", "Đôn đốc", "Khảo sát", "Rà soát, đánh giá",
    "Nâng cấp", "Duy trì", "Áp dụng", "Củng cố", "Sắp xếp", "Tham mưu",
    "Phối hợp", "Chuẩn hóa", "Đơn giản hóa", "Tích hợp", "Kết nối",
    "Bồi dưỡng", "Đào tạo", "Tiếp nhận", "Giải quyết", "Thẩm định",
    "Thống kê", "Quán triệt", "Cụ thể hóa", "Đổi mới", "Khắc phục", "Xử lý",
    "Tăng cường", "Phát động", "Biểu dương", "Lấy ý kiến", "Đo lường",
    "Tổ chức thực hiện", "Kiểm soát chất lượng", "Tái cấu trúc quy trình",
]

OBJECTS = [
    "thủ tục hành chính", "cơ chế một cửa, một cửa liên thông",
    "dịch vụ công trực tuyến toàn trình", "dịch vụ công trực tuyến một phần",
    "Cổng Dịch vụ công quốc gia",
    "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh",
    "văn bản quy phạm pháp luật", "Chỉ số cải cách hành chính (PAR INDEX)",
    "Chỉ số hài lòng của người dân, tổ chức (SIPAS)",
    "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
    "Chỉ số hiệu quả quản trị và hành chính công (PAPI)",
    "vị trí việc làm", "cơ cấu ngạch công chức",
    "đội ngũ cán bộ, công chức, viên chức", "đơn vị sự nghiệp công lập",
    "cơ chế tự chủ tài chính", "chữ ký số chuyên dùng", "hồ sơ điện tử",
    "kết quả giải quyết thủ tục hành chính",
    "Trung tâm Phục vụ hành chính công", "Bộ phận Một cửa cấp huyện",
    "phản ánh, kiến nghị của cá nhân, tổ chức",
    "Kế hoạch cải cách hành chính",
    "hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015",
    "nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)",
    "cơ sở dữ liệu quốc gia về dân cư", "Đề án 06 của Chính phủ",
    "kỷ luật, kỷ cương hành chính", "đạo đức công vụ", "văn hóa công sở",
    "thi tuyển chức danh lãnh đạo, quản lý", "chế độ công vụ, công chức",
    "tổ chức bộ máy hành chính nhà nước", "biên chế công chức",
    "tinh giản biên chế", "cải cách tài chính công",
    "giải ngân vốn đầu tư công", "hệ thống văn bản điện tử",
    "phần mềm quản lý văn bản và điều hành", "giao dịch điện tử",
    "Cổng thông tin điện tử tỉnh", "hệ thống họp trực tuyến",
    "an toàn, an ninh thông tin mạng", "kho dữ liệu dùng chung",
    "trục liên thông văn bản quốc gia", "chính quyền điện tử, chính quyền số",
    "quy chế làm việc", "công tác thi đua, khen thưởng", "công tác tiếp công dân",
    "quy trình nội bộ giải quyết thủ tục hành chính", "mã số hồ sơ",
    "cơ sở dữ liệu hộ tịch điện tử", "cấp Phiếu lý lịch tư pháp trực tuyến",
    "đăng ký doanh nghiệp qua mạng điện tử", "thanh toán trực tuyến",
    "dịch vụ bưu chính công ích", "kiểm soát thủ tục hành chính (TTHC)",
    "công chức làm đầu mối kiểm soát TTHC",
    "phong trào \"Dân vận khéo\"", "chương trình \"Cà phê doanh nhân\"",
    "hoạt động của Tổ công nghệ số cộng đồng", "định danh điện tử VNeID",
    "chế độ báo cáo điện tử", "lưu trữ hồ sơ điện tử",
]

QUALIFIERS = [
    "trên địa bàn tỉnh", "tại các cơ quan, đơn vị", "cấp tỉnh", "cấp huyện",
    "cấp xã", "năm 2024", "giai đoạn 2021-2025", "theo quy định",
    "theo Nghị định số 61/2018/NĐ-CP của Chính phủ",
    "theo Nghị định số 107/2021/NĐ-CP của Chính phủ",
    "theo Quyết định số 468/QĐ-TTg của Thủ tướng Chính phủ",
    "theo Nghị quyết số 76/NQ-CP của Chính phủ",
    "theo hướng dẫn của Bộ Nội vụ", "theo Thông tư số 01/2023/TT-VPCP",
    "đảm bảo đúng tiến độ", "gắn với chuyển đổi số",
    "nhằm nâng cao chất lượng phục vụ người dân, doanh nghiệp",
    "tại Trung tâm Phục vụ hành chính công tỉnh",
    "của các sở, ban, ngành", "của Ủy ban nhân dân các huyện, thành phố",
    "đối với cán bộ làm công tác cải cách hành chính", "(01 lớp)",
    "(02 đợt)", "(định kỳ hằng quý)", "trong năm 2024", "đạt tối thiểu 80%",
    "theo Kế hoạch số 123/KH-UBND ngày 15/02/2024",
    "thuộc thẩm quyền giải quyết của UBND tỉnh",
    "tại Bộ phận tiếp nhận và trả kết quả", "bảo đảm công khai, minh bạch",
    "phù hợp với điều kiện thực tế của địa phương", "kịp thời, hiệu quả",
    "ở vùng đồng bào dân tộc thiểu số", "tại các xã, phường, thị trấn",
]

RESULT_PREFIX = [
    "100% ", "Tối thiểu 80% ", "Trên 95% ", "Tỷ lệ ", "Tối thiểu 90% ",
    "Hoàn thành ", "Đạt 100% ", "",
]

RESULT_OUTCOME = [
    "được công khai đầy đủ, kịp thời", "được số hóa theo quy định",
    "được rà soát, cập nhật", "đạt yêu cầu", "được triển khai đồng bộ",
    "hoàn thành đúng tiến độ", "được đánh giá, xếp loại",
    "được tập huấn, bồi dưỡng", "được giải quyết đúng hạn",
    "được tiếp nhận và xử lý", "được kết nối, chia sẻ dữ liệu",
    "được kiện toàn", "được phê duyệt",
]

OUTPUT_KIND = [
    "Kế hoạch", "Báo cáo", "Quyết định", "Văn bản hướng dẫn",
    "Công văn đôn đốc", "Báo cáo kết quả thực hiện", "Hội nghị tập huấn",
    "Tài liệu tuyên truyền", "Kế hoạch kiểm tra", "Thông báo kết luận",
    "Tờ trình", "Chuyên trang", "Bộ tiêu chí",
]

AFTER_TEXT = [
    "Sau khi Bộ Nội vụ ban hành hướng dẫn",
    "Sau khi có kết quả Chỉ số CCHC năm 2023",
    "Sau khi Trung ương ban hành quy định",
    "Sau khi Chính phủ ban hành Nghị định sửa đổi",
    "Sau khi UBND tỉnh phê duyệt Đề án",
    "Sau khi hoàn thành nâng cấp Hệ thống thông tin giải quyết TTHC",
    "Sau khi Bộ Thông tin và Truyền thông công bố kết quả",
]

PER_TEXT = [
    "Theo lịch của Bộ Nội vụ", "Theo kế hoạch của Văn phòng Chính phủ",
    "Theo tiến độ của Đề án 06",
    "Theo lịch kiểm tra của Tổ công tác của Thủ tướng Chính phủ",
    "Theo Kế hoạch đào tạo, bồi dưỡng của tỉnh",
    "Theo lịch của Ban Chỉ đạo cải cách hành chính tỉnh",
]

NOTE_TEXT = [
    "Lồng ghép với kiểm tra công vụ", "Thực hiện định kỳ hằng quý",
    "Kinh phí từ nguồn ngân sách tỉnh", "Nhiệm vụ chuyển tiếp từ năm 2023",
    "Phối hợp với Ủy ban MTTQ Việt Nam tỉnh",
    "Báo cáo kết quả về Sở Nội vụ trước ngày 10 của tháng cuối quý",
    "Lưu tại thư mục chia sẻ \\\\may-chu\\CCHC\\2024",
    "Theo chỉ đạo tại Công văn số 45/UBND-NC: thực hiện nghiêm",
]

FIELD_TITLES = [
    "Công tác chỉ đạo, điều hành cải cách hành chính",
    "Cải cách thể chế", "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Cải cách chế độ công vụ", "Cải cách tài chính công",
    "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    "Công tác thông tin, tuyên truyền cải cách hành chính",
    "Nâng cao Chỉ số cải cách hành chính và mức độ hài lòng",
    "Hiện đại hóa nền hành chính",
]

SECTORS = [
    "lĩnh vực tư pháp", "lĩnh vực đất đai", "lĩnh vực đầu tư",
    "lĩnh vực y tế", "lĩnh vực giáo dục và đào tạo", "lĩnh vực xây dựng",
    "lĩnh vực giao thông vận tải", "lĩnh vực nông nghiệp",
    "lĩnh vực lao động, thương binh và xã hội", "lĩnh vực công thương",
    "lĩnh vực tài nguyên và môi trường", "lĩnh vực văn hóa, thể thao",
]

TASK_TOPICS = [
    "Công tác kiểm soát thủ tục hành chính (TTHC)",
    "Thực hiện cơ chế một cửa, một cửa liên thông",
    "Nâng cao chất lượng thực thi công vụ",
    "Xây dựng và hoàn thiện thể chế",
    "Theo dõi thi hành pháp luật",
    "Kiện toàn tổ chức bộ máy",
    "Quản lý biên chế và vị trí việc làm",
    "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
    "Quản lý tài chính, tài sản công",
    "Phát triển hạ tầng số và nền tảng số",
    "Cung cấp dịch vụ công trực tuyến",
    "Kiểm tra công tác cải cách hành chính",
    "Tuyên truyền cải cách hành chính",
    "Đánh giá Chỉ số cải cách hành chính",
]

# id, name, aliases
OWNERS = [
    ("snv", "Sở Nội vụ", ["SNV"]),
    ("stp", "Sở Tư pháp", ["STP"]),
    ("stc", "Sở Tài chính", []),
    ("skhdt", "Sở Kế hoạch và Đầu tư", ["Sở KH&ĐT"]),
    ("stttt", "Sở Thông tin và Truyền thông", ["Sở TT&TT", "STTTT"]),
    ("vp-ubnd", "Văn phòng UBND tỉnh", ["VP UBND", "VPUBND"]),
    ("skhcn", "Sở Khoa học và Công nghệ", []),
    ("sgddt", "Sở Giáo dục và Đào tạo", ["Sở GD&ĐT"]),
    ("syt", "Sở Y tế", []),
    ("sldtbxh", "Sở Lao động - Thương binh và Xã hội", ["Sở LĐ-TB&XH"]),
    ("stnmt", "Sở Tài nguyên và Môi trường", []),
    ("sxd", "Sở Xây dựng", []),
    ("sgtvt", "Sở Giao thông vận tải", []),
    ("snnptnt", "Sở Nông nghiệp và Phát triển nông thôn", ["Sở NN&PTNT"]),
    ("sct", "Sở Công Thương", []),
    ("svhttdl", "Sở Văn hóa, Thể thao và Du lịch", []),
    ("thanh-tra", "Thanh tra tỉnh", []),
    ("ban-dan-toc", "Ban Dân tộc tỉnh", []),
    ("cong-an", "Công an tỉnh", []),
    ("bchqs", "Bộ Chỉ huy Quân sự tỉnh", []),
    ("bql-kcn", "Ban Quản lý các khu công nghiệp tỉnh", []),
    ("dai-ptth", "Đài Phát thanh và Truyền hình tỉnh", []),
    ("bao-dak-nong", "Báo Đắk Nông", []),
    ("ttphcc", "Trung tâm Phục vụ hành chính công tỉnh", ["TTPVHCC"]),
    ("bhxh", "Bảo hiểm xã hội tỉnh", []),
    ("cuc-thue", "Cục Thuế tỉnh", []),
    ("kbnn", "Kho bạc Nhà nước tỉnh", []),
    ("nhnn", "Ngân hàng Nhà nước chi nhánh tỉnh Đắk Nông", []),
    ("ubnd-gia-nghia", "UBND thành phố Gia Nghĩa", []),
    ("ubnd-cu-jut", "UBND huyện Cư Jút", []),
    ("ubnd-dak-mil", "UBND huyện Đắk Mil", []),
    ("ubnd-dak-song", "UBND huyện Đắk Song", []),
    ("ubnd-dak-rlap", "UBND huyện Đắk R'lấp", []),
    ("ubnd-dak-glong", "UBND huyện Đắk Glong", []),
    ("ubnd-krong-no", "UBND huyện Krông Nô", []),
    ("ubnd-tuy-duc", "UBND huyện Tuy Đức", []),
    ("ubnd-huyen", "UBND các huyện, thành phố", ["UBND cấp huyện"]),
    ("ubnd-xa", "UBND các xã, phường, thị trấn", ["UBND cấp xã"]),
    ("truong-chinh-tri", "Trường Chính trị tỉnh", []),
    ("lien-quan", "Các cơ quan, đơn vị có liên quan", []),
]

STATUSES = ("planned", "in-progress", "done", "cancelled")


def _nfc(x):
    if isinstance(x, str):
        return unicodedata.normalize("NFC", x)
    if isinstance(x, tuple):
        return tuple(_nfc(y) for y in x)
    if isinstance(x, list):
        return [_nfc(y) for y in x]
    return x


for _name in ("VERBS", "OBJECTS", "QUALIFIERS", "RESULT_PREFIX",
              "RESULT_OUTCOME", "OUTPUT_KIND", "AFTER_TEXT", "PER_TEXT",
              "NOTE_TEXT", "FIELD_TITLES", "SECTORS", "TASK_TOPICS", "OWNERS"):
    globals()[_name] = _nfc(globals()[_name])

OWNER_IDS = [o[0] for o in OWNERS]
OWNER_NAME = {o[0]: o[1] for o in OWNERS}

# --------------------------------------------------------------------------
# YAML scalar emission.

_YAML_WORDS = {
    "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
}
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


def q(s):
    """A YAML scalar for s: plain when safe, else double-quoted."""
    need = (
        not s
        or s[0] in _INDICATORS
        or s[0].isspace() or s[-1].isspace()
        or ":" in s or "#" in s or '"' in s or "\\" in s
        or "\n" in s or "\t" in s
        or s.lower() in _YAML_WORDS
        or s[0].isdigit() or s[0] in "+."
    )
    if not need:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qf(s):
    """A scalar inside a flow sequence ([a, b])."""
    if any(c in s for c in ",[]{}"):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return q(s)


def flow(items):
    return "[" + ", ".join(qf(x) for x in items) + "]"


# --------------------------------------------------------------------------
# Text builders.

def cap(s):
    return s[:1].upper() + s[1:]


def clip(s, lo, hi):
    """Cut s at a word boundary so that len <= hi (best effort >= lo)."""
    if len(s) <= hi:
        return s
    cut = s.rfind(" ", lo, hi + 1)
    if cut < 0:
        cut = hi
    return s[:cut].rstrip(" ,;-(")


def grow(rng, s, target, hi):
    """Append whole phrases until len(s) >= target, staying <= hi."""
    misses = 0
    while len(s) < target and misses < 6:
        r = rng.random()
        if r < 0.55:
            add = " " + rng.choice(QUALIFIERS)
        elif r < 0.8:
            add = ", " + rng.choice(QUALIFIERS)
        else:
            add = " và " + rng.choice(OBJECTS)
        if len(s) + len(add) <= hi and add.lstrip(" ,") not in s:
            s += add
        else:
            misses += 1
    return s


def length(rng, lo, hi, mean_extra):
    return min(hi, lo + int(rng.expovariate(1.0 / mean_extra)))


def title_text(rng):
    if rng.random() < 0.1:
        target = rng.randint(120, 200)     # a tail of long titles
    else:
        target = length(rng, 80, 200, 6)
    s = rng.choice(VERBS) + " " + rng.choice(OBJECTS)
    return clip(grow(rng, s, target, 200), 80, 200)


def result_text(rng):
    target = length(rng, 60, 120, 3)
    s = rng.choice(RESULT_PREFIX) + rng.choice(OBJECTS)
    s += " " + rng.choice(RESULT_OUTCOME)
    return cap(clip(grow(rng, s, target, 120), 60, 120))


def output_text(rng):
    s = rng.choice(OUTPUT_KIND) + " của " + OWNER_NAME[rng.choice(OWNER_IDS)]
    if len(s) < 30:
        s += " năm 2024"
    return clip(s, 30, 60)


def task_title(rng):
    s = rng.choice(TASK_TOPICS)
    if rng.random() < 0.6:
        s += " " + rng.choice(QUALIFIERS)
    return s


def slugify(s, limit=40):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    out = []
    dash = False
    for c in s:
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    slug = "".join(out).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


ROMAN = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
         (1, "I")]


def roman(n):
    out = ""
    for v, r in ROMAN:
        while n >= v:
            out += r
            n -= v
    return out


# --------------------------------------------------------------------------
# Model.

def new_activity(rng, aid):
    a = {"id": aid, "title": title_text(rng)}
    if rng.random() < 0.6:
        a["result"] = result_text(rng)
    if rng.random() < 0.55:
        a["output"] = output_text(rng)
    if rng.random() < 0.08:
        a["note"] = rng.choice(NOTE_TEXT)
    nlead = 1 if rng.random() < 0.85 else 2
    lead = rng.sample(OWNER_IDS, nlead)
    a["lead"] = lead
    nsup = rng.choice((0, 1, 1, 1, 2, 2, 3))
    if nsup:
        pool = [o for o in OWNER_IDS if o not in lead]
        a["support"] = rng.sample(pool, nsup)
    r = rng.random()
    if r < 0.78:
        start = rng.randint(1, 12)
        end = start + min(12 - start, int(rng.expovariate(1 / 2.5)))
        a["start"], a["end"] = start, end
    elif r < 0.87:
        a["schedule"] = "ongoing"
    elif r < 0.92:
        a["after"] = rng.choice(AFTER_TEXT)
        if rng.random() < 0.2:             # the event happened: months added
            start = rng.randint(3, 12)
            a["start"], a["end"] = start, rng.randint(start, 12)
    elif r < 0.97:
        a["per"] = rng.choice(PER_TEXT)
    # else: no schedule (unknown; parplan warns)
    r = rng.random()
    if r < 0.42:
        if rng.random() < 0.5:             # else omitted: planned by default
            a["status"] = "planned"
    elif r < 0.70:
        a["status"] = "in-progress"
        a["progress"] = rng.randint(1, 19) * 5
    elif r < 0.96:
        a["status"] = "done"
        lo = a.get("start", 1)
        hi = min(12, a.get("end", 12) + 1)
        a["completed"] = rng.randint(lo, hi)
        if rng.random() < 0.3:
            a["progress"] = 100
    else:
        a["status"] = "cancelled"
    return a


def build_plan(seed, nfields, ntasks, nacts):
    rng = random.Random(seed)
    fields = []
    width = max(2, len(str(nfields)))
    for fi in range(1, nfields + 1):
        fid = roman(fi) if nfields <= 50 else "F%03d" % fi
        base = FIELD_TITLES[(fi - 1) % len(FIELD_TITLES)]
        k = (fi - 1) // len(FIELD_TITLES)
        ftitle = base if k == 0 else base + " " + SECTORS[(k - 1) % len(SECTORS)]
        if k > len(SECTORS):
            ftitle += " (phần %d)" % k
        fname = "%0*d-%s.yaml" % (width, fi, slugify(ftitle))
        tasks = []
        for ti in range(1, ntasks + 1):
            tid = "%s.%d" % (fid, ti)
            acts = [new_activity(rng, "%s.%d" % (tid, ai))
                    for ai in range(1, nacts + 1)]
            tasks.append({"id": tid, "title": task_title(rng),
                          "activities": acts, "next": nacts + 1})
        fields.append({"id": fid, "title": ftitle, "file": fname,
                       "tasks": tasks})
    return fields


def change_plan(seed, fields):
    """A changed copy: ~1% of activities touched. Shares untouched dicts."""
    rng = random.Random(seed * 7919 + 104729)
    out = []
    for f in fields:
        nf = dict(f)
        nf["tasks"] = [dict(t, activities=list(t["activities"]))
                       for t in f["tasks"]]
        out.append(nf)
    slots = [(fi, ti) for fi, f in enumerate(out)
             for ti in range(len(f["tasks"]))]
    total = sum(len(t["activities"]) for f in out for t in f["tasks"])
    nchange = max(3, total // 100)
    nadd = max(1, nchange // 20)
    nremove = max(1, nchange // 20)
    nmod = nchange - nadd - nremove

    def pick():
        while True:
            fi, ti = rng.choice(slots)
            acts = out[fi]["tasks"][ti]["activities"]
            if acts:
                ai = rng.randrange(len(acts))
                return acts, ai

    touched = set()
    done_mods = 0
    while done_mods < nmod:
        acts, ai = pick()
        a = acts[ai]
        if a["id"] in touched:
            continue
        kind = rng.choice(("slip", "lead", "status"))
        if kind == "slip" and not ("end" in a and a["end"] < 12):
            kind = rng.choice(("lead", "status"))
        b = dict(a)
        if kind == "slip":
            b["end"] = min(12, a["end"] + rng.randint(1, 3))
        elif kind == "lead":
            lead = list(a["lead"])
            choices = [o for o in OWNER_IDS
                       if o not in lead and o not in a.get("support", ())]
            lead[rng.randrange(len(lead))] = rng.choice(choices)
            b["lead"] = lead
        else:
            for k in ("status", "progress", "completed"):
                b.pop(k, None)
            st = a.get("status", "planned")
            if st == "planned":
                b["status"] = "in-progress" if rng.random() < 0.8 else "cancelled"
            elif st == "in-progress":
                b["status"] = "done"
            elif st == "done":
                b["status"] = "in-progress"
            else:
                b["status"] = "planned"
            if b["status"] == "in-progress":
                b["progress"] = rng.randint(1, 19) * 5
            elif b["status"] == "done":
                b["completed"] = rng.randint(b.get("start", 1),
                                             min(12, b.get("end", 12) + 1))
        acts[ai] = b
        touched.add(a["id"])
        done_mods += 1
    removed = 0
    while removed < nremove:
        acts, ai = pick()
        if acts[ai]["id"] in touched or len(acts) < 2:
            continue
        touched.add(acts[ai]["id"])
        del acts[ai]
        removed += 1
    for _ in range(nadd):
        fi, ti = rng.choice(slots)
        t = out[fi]["tasks"][ti]
        aid = "%s.%d" % (t["id"], t["next"])
        t["next"] += 1
        t["activities"].append(new_activity(rng, aid))
    return out


# --------------------------------------------------------------------------
# Emission.

ACT_KEYS = ("title", "result", "output", "note")
INT_KEYS = ("start", "end")


def emit_activity(a, w):
    w("      - id: %s\n" % q(a["id"]))
    for k in ACT_KEYS:
        if k in a:
            w("        %s: %s\n" % (k, q(a[k])))
    w("        lead: %s\n" % flow(a["lead"]))
    if "support" in a:
        w("        support: %s\n" % flow(a["support"]))
    if "schedule" in a:
        w("        schedule: %s\n" % a["schedule"])
    elif "after" in a:
        w("        after: %s\n" % q(a["after"]))
    elif "per" in a:
        w("        per: %s\n" % q(a["per"]))
    if "start" in a:
        w("        start: %d\n        end: %d\n" % (a["start"], a["end"]))
    if "status" in a:
        w("        status: %s\n" % a["status"])
    if "completed" in a:
        w("        completed: %d\n" % a["completed"])
    if "progress" in a:
        w("        progress: %d\n" % a["progress"])


def emit_field(f):
    parts = []
    w = parts.append
    w("field: %s\n" % q(f["id"]))
    w("title: %s\n" % q(f["title"]))
    w("tasks:\n")
    for t in f["tasks"]:
        w("  - id: %s\n" % q(t["id"]))
        w("    title: %s\n" % q(t["title"]))
        w("    activities:\n")
        for a in t["activities"]:
            emit_activity(a, w)
    return "".join(parts)


def emit_plan(plan_id, title):
    parts = []
    w = parts.append
    w("plan:\n")
    w("  id: %s\n" % q(plan_id))
    w("  title: %s\n" % q(title))
    w("  year: 2024\n")
    w("  issued_by: %s\n" % q("Quyết định số 1794/QĐ-UBND ngày 27/12/2023 "
                              "của Chủ tịch UBND tỉnh"))
    w("  language: vi\n")
    w("owners:\n")
    for oid, name, aliases in OWNERS:
        w("  %s:\n" % oid)
        w("    name: %s\n" % q(name))
        if aliases:
            w("    aliases: %s\n" % flow(aliases))
    return unicodedata.normalize("NFC", "".join(parts))


MARKER = ".genplan"


def prepare_dir(d):
    if os.path.isdir(d):
        names = os.listdir(d)
        if names and MARKER not in names:
            sys.exit("genplan: %s is not empty and was not written by "
                     "genplan.py; refusing to overwrite" % d)
        for n in names:
            if n.endswith(".yaml"):
                os.remove(os.path.join(d, n))
    else:
        os.makedirs(d)


def write_plan(d, fields, plan_id, title, argline):
    prepare_dir(d)
    with open(os.path.join(d, MARKER), "w", encoding="utf-8") as fh:
        fh.write(argline + "\n")
    with open(os.path.join(d, "plan.yaml"), "w", encoding="utf-8",
              newline="\n") as fh:
        fh.write(emit_plan(plan_id, title))
    nbytes = 0
    for f in fields:
        text = unicodedata.normalize("NFC", emit_field(f)).encode("utf-8")
        nbytes += len(text)
        with open(os.path.join(d, f["file"]), "wb") as fh:
            fh.write(text)
    nacts = sum(len(t["activities"]) for f in fields for t in f["tasks"])
    return nacts, nbytes


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fields", type=int, required=True)
    ap.add_argument("--tasks", type=int, required=True,
                    help="tasks per field")
    ap.add_argument("--activities", type=int, required=True,
                    help="activities per task")
    ap.add_argument("--out", required=True)
    ap.add_argument("--changed-out")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if min(args.fields, args.tasks, args.activities) < 1:
        ap.error("--fields, --tasks and --activities must be >= 1")

    fields = build_plan(args.seed, args.fields, args.tasks, args.activities)
    shape = "%dx%dx%d" % (args.fields, args.tasks, args.activities)
    plan_id = "bench-s%d-%s" % (args.seed, shape)
    title = ("Kế hoạch cải cách hành chính tỉnh Đắk Nông năm 2024 "
             "(dữ liệu sinh tự động để đo hiệu năng, %s)" % shape)
    argline = "seed=%d fields=%d tasks=%d activities=%d" % (
        args.seed, args.fields, args.tasks, args.activities)
    n, b = write_plan(args.out, fields, plan_id, title, argline)
    if not args.quiet:
        print("genplan: %s: %d activities, %d bytes of field files"
              % (args.out, n, b))
    if args.changed_out:
        changed = change_plan(args.seed, fields)
        n, b = write_plan(args.changed_out, changed, plan_id, title,
                          argline + " changed")
        if not args.quiet:
            print("genplan: %s: %d activities, %d bytes of field files"
                  % (args.changed_out, n, b))


if __name__ == "__main__":
    main()
