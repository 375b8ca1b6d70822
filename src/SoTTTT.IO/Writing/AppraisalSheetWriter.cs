using System.Globalization;
using System.Net;
using System.Text;
using SoTTTT.Core.Approval;
using SoTTTT.Core.Crs;
using SoTTTT.Core.Model;

namespace SoTTTT.IO.Writing;

/// <summary>
/// The appraisal sheet (phiếu thẩm định) of one application as a self-contained HTML page, Vietnamese by default: the
/// application, the verdict, every rule checked with its code, result and evidence, a site map (<see cref="SiteMapSvg"/>)
/// and the coverage gain (or why it is missing). Also the sheet's file name and the writing of a whole batch, each file
/// atomically.
/// </summary>
public static class AppraisalSheetWriter
{
    /// <summary>Sheet text in Vietnamese and English; one table, so the two never drift apart.</summary>
    private static readonly Dictionary<string, (string Vi, string En)> Labels = new(StringComparer.Ordinal)
    {
        ["title"] = ("PHIẾU THẨM ĐỊNH", "APPRAISAL SHEET"),
        ["subtitle"] = ("Hồ sơ đề nghị lắp đặt trạm BTS / xây dựng cột ăng ten", "Application to install a BTS / build an antenna tower"),
        ["section.application"] = ("1. Thông tin hồ sơ", "1. The application"),
        ["section.verdict"] = ("2. Kết luận thẩm định", "2. Verdict"),
        ["section.checks"] = ("3. Các tiêu chí đã kiểm tra", "3. Rules checked"),
        ["section.map"] = ("4. Sơ đồ vị trí", "4. Site map"),
        ["section.coverage"] = ("5. Vùng phủ sóng tăng thêm", "5. Coverage gain"),
        ["field.row"] = ("Dòng trong tệp hồ sơ", "Row in the applications file"),
        ["field.id"] = ("Mã hồ sơ", "Application id"),
        ["field.operator"] = ("Doanh nghiệp đề nghị", "Applicant operator"),
        ["field.type"] = ("Loại cột ăng ten", "Tower class"),
        ["field.height"] = ("Chiều cao (m)", "Height (m)"),
        ["field.tech"] = ("Công nghệ / băng tần", "Technology / band"),
        ["field.shares"] = ("Đề nghị dùng chung cột", "Asks to share tower"),
        ["field.position"] = ("Tọa độ ({0})", "Position ({0})"),
        ["field.lonlat"] = ("Tọa độ WGS-84 (kinh độ, vĩ độ)", "WGS84 (lon, lat)"),
        ["field.unit"] = ("Đơn vị hành chính", "Admin unit"),
        ["field.area"] = ("Khu vực", "Area"),
        ["area.urban"] = ("đô thị", "urban"),
        ["area.rural"] = ("ngoài đô thị", "non-urban"),
        ["col.no"] = ("TT", "No."),
        ["col.code"] = ("Mã tiêu chí", "Code"),
        ["col.rule"] = ("Tiêu chí", "Rule"),
        ["col.result"] = ("Kết quả", "Result"),
        ["col.evidence"] = ("Căn cứ", "Evidence"),
        ["result.pass"] = ("Đạt", "Pass"),
        ["result.fail"] = ("Không đạt", "Fail"),
        ["result.na"] = ("Không áp dụng", "Not applicable"),
        ["verdict.approve"] = ("CHẤP THUẬN xây dựng cột ăng ten mới", "APPROVE a new tower"),
        ["verdict.share"] = ("CHẤP THUẬN VỚI ĐIỀU KIỆN DÙNG CHUNG cột {0}", "APPROVE ONLY AS SHARING tower {0}"),
        ["verdict.refer"] = ("CHUYỂN CẤP CÓ THẨM QUYỀN XEM XÉT: phải dùng chung nhưng cột {0} không còn khả năng lắp thêm", "REFER to the provincial authority: must share, but tower {0} cannot take another operator"),
        ["verdict.reject"] = ("KHÔNG CHẤP THUẬN", "REJECT"),
        ["verdict.failed"] = ("Tiêu chí không đạt: {0}", "Rules failed: {0}"),
        ["summary.title"] = ("TỔNG HỢP KẾT QUẢ THẨM ĐỊNH", "APPRAISAL SUMMARY"),
        ["summary.subtitle"] = ("Hồ sơ đề nghị lắp đặt trạm BTS / xây dựng cột ăng ten, xét theo thứ tự trong tệp", "BTS / tower applications, judged in file order"),
        ["summary.counts"] = ("Chấp thuận: {0}; dùng chung: {1}; chuyển cấp có thẩm quyền: {2}; không chấp thuận: {3}", "Approve: {0}; share: {1}; refer: {2}; reject: {3}"),
        ["summary.map"] = ("Bản đồ các hồ sơ và căn cứ thẩm định", "Map of the applications and their evidence"),
        ["summary.table"] = ("Danh sách hồ sơ", "Applications"),
        ["col.sheet"] = ("Phiếu thẩm định", "Sheet"),
        ["col.gain"] = ("Dân số được phủ thêm", "Population newly covered"),
        ["col.verdict"] = ("Kết luận", "Verdict"),
        ["short.approve"] = ("Chấp thuận", "Approve"),
        ["short.share"] = ("Dùng chung cột {0}", "Share tower {0}"),
        ["short.refer"] = ("Chuyển cấp có thẩm quyền (cột {0})", "Refer (tower {0})"),
        ["short.reject"] = ("Không chấp thuận", "Reject"),
        ["rule.OUTSIDE_PROVINCE"] = ("Vị trí nằm trong địa giới hành chính của tỉnh", "Site inside the province's boundaries"),
        ["rule.NO_TOWER_ZONE"] = ("Không thuộc khu vực cấm xây dựng cột ăng ten", "Not in a no-tower zone"),
        ["rule.ZONE_CLASS_NOT_ALLOWED"] = ("Loại cột phù hợp khu vực (chỉ cột A1; không xây mới cột cồng kềnh)", "Class allowed in the zone (A1 only; no new bulky towers)"),
        ["rule.HEIGHT_LIMIT"] = ("Chiều cao không vượt giới hạn của khu vực hạn chế chiều cao", "Height within the zone's height limit"),
        ["rule.NOT_IN_PLAN"] = ("Phù hợp quy hoạch hạ tầng kỹ thuật viễn thông thụ động", "Conforms to the passive-infrastructure plan"),
        ["rule.SPACING_TOO_CLOSE"] = ("Bảo đảm khoảng cách tối thiểu giữa các cột ăng ten", "Minimum spacing between towers kept"),
        ["rule.MUST_SHARE"] = ("Không có cột hiện có trong phạm vi bắt buộc dùng chung", "No existing tower within the must-share distance"),
        ["rule.MISSING_TOWER"] = ("Cột đề nghị dùng chung có trong cơ sở dữ liệu", "The tower to share exists"),
        ["rule.SHARED_TOWER_FAR"] = ("Vị trí lắp đặt trùng vị trí cột dùng chung", "Site at the tower to share"),
        ["rule.TOWER_FULL"] = ("Cột dùng chung còn khả năng lắp thêm doanh nghiệp", "The tower to share can take another operator"),
        ["rule.validation"] = ("Dữ liệu hồ sơ hợp lệ", "Valid application data"),
        ["note.no_boundaries"] = ("bộ dữ liệu không có ranh giới hành chính", "the dataset has no admin boundaries"),
        ["note.no_planned_towers"] = ("chưa có vị trí quy hoạch (cột status=planned)", "no planned positions (towers with status=planned)"),
        ["note.plan_check_off"] = ("tắt trong rules.json (plan_tolerance_m = null)", "switched off in rules.json (plan_tolerance_m = null)"),
        ["note.non_bulky_class"] = ("cột không cồng kềnh (A1) được khuyến khích ở mọi khu vực", "non-bulky (A1) columns are encouraged everywhere"),
        ["note.shares_named_tower"] = ("hồ sơ dùng chung cột có sẵn, không xây cột mới", "shares an existing tower, builds none"),
        ["note.new_tower"] = ("hồ sơ xây cột mới", "application for a new tower"),
        ["note.no_spacing_rule"] = ("loại cột không có quy định khoảng cách", "no spacing rule for the class"),
        ["note.nothing_to_share"] = ("không có cột phải dùng chung", "no tower to share"),
        ["note.tower_missing"] = ("cột đề nghị dùng chung không tồn tại", "the tower to share does not exist"),
        ["ev.tower"] = ("Cột", "Tower"),
        ["ev.position"] = ("Vị trí BTS (suy ra)", "BTS position (inferred)"),
        ["ev.application"] = ("Cột đã chấp thuận trong đợt", "Tower approved earlier in the batch"),
        ["ev.planned_tower"] = ("Vị trí quy hoạch", "Planned position"),
        ["ev.zone"] = ("Khu vực", "Zone"),
        ["ev.unit"] = ("Đơn vị", "Unit"),
        ["ev.problem"] = ("Cột dữ liệu", "Column"),
        ["ev.distance"] = ("cách {0} m", "{0} m away"),
        ["ev.limit"] = ("giới hạn {0} m", "limit {0} m"),
        ["ev.height"] = ("cao {0} m", "{0} m tall"),
        ["ev.max_height"] = ("cho phép tối đa {0} m", "at most {0} m allowed"),
        ["ev.tenants"] = ("{0}/{1} doanh nghiệp", "{0}/{1} operators"),
        ["ev.can_share"] = ("còn khả năng dùng chung", "can take the applicant"),
        ["ev.cannot_share"] = ("hết khả năng dùng chung", "full"),
        ["ev.none"] = ("không có", "none"),
        ["coverage.none"] = ("Chưa tính: bộ dữ liệu cần có lớp BTS và thôn/bản, hồ sơ cần ghi công nghệ.", "Not computed: the dataset needs BTS and settlements, the application a technology."),
        ["coverage.value"] = ("{0} thôn/bản, {1} người được phủ sóng mới ({2} {3})", "{0} villages, {1} people newly covered ({2} {3})"),
        ["rules"] = ("Quy định áp dụng: khoảng cách bắt buộc dùng chung {0} m (đô thị) / {1} m (ngoài đô thị); đồng vị trí {2} m. Hồ sơ trong một đợt được xét theo thứ tự trong tệp, mỗi hồ sơ so với mạng hiện có cùng các hồ sơ được chấp thuận trước đó.", "Rules applied: must-share distance {0} m (urban) / {1} m (non-urban); co-location {2} m. Applications in one batch are judged in file order, each against the existing network plus those approved before it."),
        ["footer"] = ("Phiếu do SoTTTT lập tự động từ dữ liệu và quy định của tỉnh; cán bộ thẩm định kiểm tra, bổ sung ý kiến và ký.", "Prepared automatically by SoTTTT from the province's data and rules; the appraising officer checks, adds remarks and signs."),
        ["sign.preparer"] = ("Người lập phiếu", "Prepared by"),
        ["sign.head"] = ("Lãnh đạo phòng", "Head of division"),
        ["map.title"] = ("Sơ đồ vị trí", "Site map"),
        ["map.site"] = ("Vị trí đề nghị", "Proposed site"),
        ["map.must_share"] = ("Phạm vi bắt buộc dùng chung", "Must-share distance"),
        ["map.legend"] = ("● vị trí đề nghị; ▲ cột liên quan (đỏ: hết khả năng dùng chung; xanh lục rỗng: vị trí quy hoạch; tím: cột chấp thuận trong đợt); vòng nét đứt: phạm vi bắt buộc dùng chung; vùng màu: khu vực quy hoạch. Hệ tọa độ {0}; hướng bắc lưới.", "● proposed site; ▲ towers checked (red: full; hollow green: planned position; purple: approved earlier in the batch); dashed circle: must-share distance; coloured areas: planning zones. CRS {0}; grid north."),
    };

    /// <summary>The sheet's file name: <c>NNNN_&lt;id&gt;.html</c> (row number first, so names are unique and sort in file order).</summary>
    public static string FileName(ApplicationVerdict verdict)
    {
        var id = verdict.ApplicationId is { } raw ? new string([.. raw.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_')]) : "row";
        return $"{verdict.Row:D4}_{(id.Length > 60 ? id[..60] : id)}.html";
    }

    /// <summary>Writes every sheet into <paramref name="folder"/> atomically; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(string folder, ApprovalResult result, IReadOnlyList<Zone> zones, string lang)
    {
        var paths = new List<string>();
        foreach (var verdict in result.Verdicts)
        {
            var path = Path.Combine(folder, FileName(verdict));
            AtomicFile.WriteAllText(path, Html(result, verdict, zones, lang));
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>
    /// The summary page of a batch (<c>approvals.html</c>): counts per verdict, the map of the approval view when one is
    /// given (an SVG of the map views, <c>SvgMapRenderer</c>), and one row per application linking its sheet in
    /// <paramref name="sheetFolder"/>.
    /// </summary>
    public static string SummaryHtml(ApprovalResult result, string? mapSvg, string sheetFolder, string lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        string L(string key) => Labels.TryGetValue(key, out var t) ? (lang == "en" ? t.En : t.Vi) : throw new KeyNotFoundException($"no sheet text '{key}'");
        string Lf(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, L(key), args);
        int Count(Verdict v) => result.Verdicts.Count(x => x.Verdict == v);
        var h = new StringBuilder();
        h.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{(lang == "en" ? "en" : "vi")}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{Esc(L("summary.title"))} — {Esc(result.Dataset)}</title>\n");
        h.Append("<style>body{font-family:'Times New Roman',serif;max-width:1100px;margin:24px auto;color:#111}h1{text-align:center;font-size:22px;margin:4px 0}")
            .Append(".sub{text-align:center;font-style:italic;margin:0 0 16px}h2{font-size:16px;margin-top:22px;border-bottom:1px solid #999}")
            .Append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px 6px;vertical-align:top;font-size:14px}th{background:#eee}")
            .Append(".approve{color:#1b5e20}.share{color:#1d3557}.refer{color:#b36b00}.reject{color:#b71c1c;font-weight:bold}svg{max-width:100%;height:auto;border:1px solid #ccd}</style>\n</head>\n<body>\n");
        h.Append(CultureInfo.InvariantCulture, $"<p>{Esc(result.Dataset)}</p>\n<h1>{Esc(L("summary.title"))}</h1>\n<p class=\"sub\">{Esc(L("summary.subtitle"))}</p>\n");
        h.Append(CultureInfo.InvariantCulture, $"<p id=\"counts\">{Esc(Lf("summary.counts", Count(Verdict.Approve), Count(Verdict.Share), Count(Verdict.Refer), Count(Verdict.Reject)))}</p>\n");
        if (mapSvg is not null)
        {
            h.Append(CultureInfo.InvariantCulture, $"<h2>{Esc(L("summary.map"))}</h2>\n").Append(mapSvg).Append('\n');
        }

        h.Append(CultureInfo.InvariantCulture, $"<h2>{Esc(L("summary.table"))}</h2>\n<table>\n<tr><th>{Esc(L("col.no"))}</th><th>{Esc(L("field.id"))}</th><th>{Esc(L("field.operator"))}</th><th>{Esc(L("field.type"))}</th><th>{Esc(L("field.height"))}</th><th>{Esc(L("col.verdict"))}</th><th>{Esc(L("col.code"))}</th><th>{Esc(L("col.gain"))}</th><th>{Esc(L("col.sheet"))}</th></tr>\n");
        foreach (var v in result.Verdicts)
        {
            var key = VerdictKeys.Key(v.Verdict);
            var link = $"{sheetFolder}/{Uri.EscapeDataString(FileName(v))}";
            h.Append(CultureInfo.InvariantCulture, $"<tr data-verdict=\"{key}\"><td>{v.Row}</td><td>{Esc(v.ApplicationId ?? "–")}</td><td>{Esc(v.Application?.Operator ?? "–")}</td><td>{Esc(v.Application?.Type ?? "–")}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{(v.Application?.HeightM is { } m ? M(m) : "–")}</td><td class=\"{key}\">{Esc(Lf("short." + key, v.TowerId))}</td><td><code>{Esc(string.Join(", ", v.Failed))}</code></td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{(v.CoverageGain?.Population is { } p ? p.ToString(CultureInfo.InvariantCulture) : "–")}</td><td><a href=\"{Esc(link)}\">{Esc(FileName(v))}</a></td></tr>\n");
        }

        h.Append("</table>\n</body>\n</html>\n");
        return h.ToString();
    }

    public static string Html(ApprovalResult result, ApplicationVerdict verdict, IReadOnlyList<Zone> zones, string lang)
    {
        string L(string key) => Labels.TryGetValue(key, out var t) ? (lang == "en" ? t.En : t.Vi) : throw new KeyNotFoundException($"no sheet text '{key}'");
        string Lf(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, L(key), args);
        var app = verdict.Application;
        var h = new StringBuilder();
        h.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{(lang == "en" ? "en" : "vi")}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{Esc(L("title"))} — {Esc(verdict.ApplicationId ?? "#" + verdict.Row)}</title>\n");
        h.Append("<style>body{font-family:'Times New Roman',serif;max-width:820px;margin:24px auto;color:#111}h1{text-align:center;font-size:22px;margin:4px 0}")
            .Append(".sub{text-align:center;font-style:italic;margin:0 0 16px}h2{font-size:16px;margin-top:22px;border-bottom:1px solid #999}")
            .Append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px 6px;vertical-align:top;font-size:14px}th{background:#eee}")
            .Append(".pass{color:#1b5e20}.fail{color:#b71c1c;font-weight:bold}.na{color:#666}.verdict{font-size:18px;font-weight:bold;padding:8px;border:2px solid #333}")
            .Append(".verdict.approve{border-color:#1b5e20}.verdict.share{border-color:#1d3557}.verdict.refer{border-color:#e09f3e}.verdict.reject{border-color:#b71c1c}")
            .Append("code{font-family:monospace}.small{font-size:12px;color:#444}.sign{display:flex;justify-content:space-around;margin-top:32px;text-align:center}</style>\n</head>\n<body>\n");
        h.Append(CultureInfo.InvariantCulture, $"<p class=\"small\">{Esc(result.Dataset)}</p>\n<h1>{Esc(L("title"))}</h1>\n<p class=\"sub\">{Esc(L("subtitle"))}</p>\n");

        h.Append(CultureInfo.InvariantCulture, $"<h2>{Esc(L("section.application"))}</h2>\n<table>\n");
        void Field(string key, string? value) => h.Append(CultureInfo.InvariantCulture, $"<tr><th style=\"width:38%\">{Esc(L(key))}</th><td>{Esc(value ?? "–")}</td></tr>\n");
        Field("field.row", verdict.Row.ToString(CultureInfo.InvariantCulture));
        Field("field.id", verdict.ApplicationId);
        if (app is not null)
        {
            Field("field.operator", app.Operator);
            Field("field.type", app.Type);
            Field("field.height", app.HeightM.ToString("0.##", CultureInfo.InvariantCulture));
            Field("field.tech", string.Join(" / ", new[] { app.Tech is { } t ? Codes.Label(t) : null, app.BandMHz is { } b ? b.ToString("0.#", CultureInfo.InvariantCulture) + " MHz" : null }.Where(s => s is not null)));
            Field("field.shares", app.SharesTowerId);
            var (lon, lat) = CoordinateTransformer.ToGeographicWgs84(result.Crs).Transform(app.Location.X, app.Location.Y);
            h.Append(CultureInfo.InvariantCulture, $"<tr><th>{Esc(Lf("field.position", result.Crs.Name))}</th><td>x = {app.Location.X:0.00}; y = {app.Location.Y:0.00}</td></tr>\n");
            Field("field.lonlat", $"{lon:0.0000000}, {lat:0.0000000}");
            Field("field.unit", verdict.UnitCode is null ? null : $"{verdict.UnitName} ({verdict.UnitCode})");
            Field("field.area", verdict.Urban == true ? L("area.urban") : L("area.rural"));
        }

        h.Append("</table>\n");

        var key = VerdictKeys.Key(verdict.Verdict);
        h.Append(CultureInfo.InvariantCulture, $"<h2>{Esc(L("section.verdict"))}</h2>\n<p class=\"verdict {key}\" data-verdict=\"{key}\">{Esc(Lf("verdict." + key, verdict.TowerId))}</p>\n");
        if (verdict.Failed.Count > 0)
        {
            h.Append(CultureInfo.InvariantCulture, $"<p>{Esc(Lf("verdict.failed", string.Join(", ", verdict.Failed)))}</p>\n");
        }

        h.Append(CultureInfo.InvariantCulture, $"<h2>{Esc(L("section.checks"))}</h2>\n<table>\n<tr><th>{Esc(L("col.no"))}</th><th>{Esc(L("col.code"))}</th><th>{Esc(L("col.rule"))}</th><th>{Esc(L("col.result"))}</th><th>{Esc(L("col.evidence"))}</th></tr>\n");
        var no = 0;
        foreach (var check in verdict.Checks)
        {
            var rule = Labels.ContainsKey("rule." + check.Code) ? L("rule." + check.Code) : L("rule.validation");
            var (css, outcome) = !check.Applicable ? ("na", L("result.na")) : check.Passed ? ("pass", L("result.pass")) : ("fail", L("result.fail"));
            var evidence = check.Evidence.Count > 0
                ? string.Join("<br>", check.Evidence.Select(e => Esc(Describe(e, L, Lf))))
                : Esc(check.Note is { } note ? L("note." + note) : L("ev.none"));
            h.Append(CultureInfo.InvariantCulture, $"<tr data-code=\"{Esc(check.Code)}\"><td>{++no}</td><td><code>{Esc(check.Code)}</code></td><td>{Esc(rule)}</td><td class=\"{css}\">{Esc(outcome)}</td><td>{evidence}</td></tr>\n");
        }

        h.Append("</table>\n");
        h.Append(CultureInfo.InvariantCulture, $"<p class=\"small\">{Esc(Lf("rules", result.Rules.MustShareM.UrbanM, result.Rules.MustShareM.NonUrbanM, result.Rules.CoLocationM))}</p>\n");

        if (app is not null)
        {
            h.Append(CultureInfo.InvariantCulture, $"<h2>{Esc(L("section.map"))}</h2>\n");
            h.Append(SiteMapSvg.Render(verdict, zones, result.Rules, L));
            h.Append(CultureInfo.InvariantCulture, $"<p class=\"small\">{Esc(Lf("map.legend", result.Crs.Name))}</p>\n");
            h.Append(CultureInfo.InvariantCulture, $"<h2>{Esc(L("section.coverage"))}</h2>\n<p>");
            h.Append(Esc(verdict.CoverageGain is { } g
                ? Lf("coverage.value", g.Settlements, g.Population, g.Operator, g.Tech is { } gt ? Codes.Label(gt) : string.Empty)
                : L("coverage.none")));
            h.Append("</p>\n");
        }

        h.Append(CultureInfo.InvariantCulture, $"<p class=\"small\">{Esc(L("footer"))}</p>\n<div class=\"sign\"><div><b>{Esc(L("sign.preparer"))}</b></div><div><b>{Esc(L("sign.head"))}</b></div></div>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static string Describe(CheckEvidence e, Func<string, string> l, Func<string, object?[], string> lf)
    {
        var parts = new List<string> { $"{l("ev." + e.Kind)} {e.Id}" + (e.Name is { } n ? $" ({n})" : string.Empty) };
        if (e.TowerClass is { } cls)
        {
            parts.Add(cls);
        }

        if (e.ZoneKind is { } kind)
        {
            parts.Add(kind);
        }

        if (e.HeightM is { } height)
        {
            parts.Add(lf("ev.height", [M(height)]));
        }

        if (e.MaxHeightM is { } max)
        {
            parts.Add(lf("ev.max_height", [M(max)]));
        }

        if (e.DistanceM is { } d)
        {
            parts.Add(lf("ev.distance", [M(d)]));
        }

        if (e.LimitM is { } limit)
        {
            parts.Add(lf("ev.limit", [M(limit)]));
        }

        if (e.Tenants is { } tenants)
        {
            parts.Add(lf("ev.tenants", [tenants, e.MaxTenants?.ToString(CultureInfo.InvariantCulture) ?? "?"]) + (e.Operators is { Count: > 0 } ops ? ": " + string.Join(", ", ops) : string.Empty));
        }

        if (e.CanShare is { } canShare)
        {
            parts.Add(l(canShare ? "ev.can_share" : "ev.cannot_share"));
        }

        if (e.Message is { } message)
        {
            parts.Add(message);
        }

        return string.Join("; ", parts);
    }

    private static string M(double metres) => metres.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
