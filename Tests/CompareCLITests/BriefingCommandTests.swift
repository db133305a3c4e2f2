import TestHelpers
import Foundation
import Testing
@testable import CompareCLI

/// `briefing` run in-process on the datasets: three files per year, the 2024 page's charts
/// and contents, nothing external, well-nested tags, stated changes, and the same bytes on
/// every run.
@Suite struct BriefingCommandTests {
    static let names = ["briefing.md", "briefing.csv", "briefing.html"]

    /// Runs `briefing Datasets --out <folder> extra…`.
    func briefing(_ extra: [String] = [], out: String) -> ToolRun {
        ToolRun(["briefing", Repository.datasets.path, "--out", out] + extra)
    }

    func text(_ path: String) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: path))
        return String(decoding: data, as: UTF8.self)
    }

    @Test func writesThreeFilesPerYearAndListsThem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = briefing(out: folder.path)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(try folder.contents() == ["2020", "2023", "2024"])
        for year in ["2020", "2023", "2024"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.file(year)).sorted()
            #expect(files == Self.names.sorted(), "\(year)")
        }
        let listed = run.stdoutLines.filter { !$0.isEmpty }
        #expect(listed.count == 9)
        #expect(listed.first == Substring(folder.file("2020/briefing.md")))
        #expect(run.stderr.contains("wrote 9 files for 2020, 2023, 2024"))
    }

    @Test func theHTMLPageShowsBothBureausInItsChartsAndLoadsNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(briefing(out: folder.path).status == 0)
        let html = try text(folder.file("2024/briefing.html"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains("包头市") && html.contains("怀仁市"))
        let charts = html.components(separatedBy: "<svg").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
        #expect(charts.count >= 3)
        let withBoth = charts.filter { $0.contains("包头市工业和信息化局") && $0.contains("怀仁市工业和信息化局") }
        #expect(withBoth.count >= 3, "each family chart labels both bureaus in Chinese")
        #expect(charts.contains { $0.contains("项目支出占比") && $0.contains(">87.61<") && $0.contains(">52.31<") })
        for forbidden in ["<script", "http://", "https://", "src=", "@import", "url(", "<link", "<img", "<iframe", "<object"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("@page { size: A4"))
        #expect(HTMLTags.problems(html).isEmpty, "\(HTMLTags.problems(html))")
    }

    @Test func notDisclosedIsWordsInTheChartNeverAZeroBar() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(briefing(["--year", "2020"], out: folder.path).status == 0)
        let html = try text(folder.file("2020/briefing.html"))
        let procurement = try #require(html.components(separatedBy: "<svg").last)
        #expect(procurement.contains("授予中小企业合同金额"))
        #expect(procurement.components(separatedBy: "class=\"nd\"").count == 3, "SME amount and share: 未公开")
        #expect(procurement.contains(">未公开<"))
        #expect(HTMLTags.problems(html).isEmpty)
    }

    @Test func theChangesTheReportsStateAreInEveryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(briefing(["--year", "2024"], out: folder.path).status == 0)
        let markdown = try text(folder.file("2024/briefing.md"))
        let reception = markdown.split(separator: "\n").filter { $0.contains("| 包头市工业和信息化局 | 决算 | 公务接待费 |") }
        #expect(reception.count == 1)
        #expect(reception.first?.contains("减少 0.01 万元 | 下降 1.02% | baotou-2024-final.txt 第 287 行") == true)
        let admin = markdown.split(separator: "\n").filter { $0.contains("| 包头市工业和信息化局 | 决算 | 机关运行经费 |") }
        #expect(admin.first?.contains("增加 55.79 万元 | 增长 81.24% | baotou-2024-final.txt 第 301 行") == true)

        let html = try text(folder.file("2024/briefing.html"))
        #expect(html.contains("<td class=\"num\">下降 1.02%</td>") && html.contains("<td class=\"num\">增长 81.24%</td>"))

        let csv = try text(folder.file("2024/briefing.csv"))
        #expect(csv.hasPrefix("\u{FEFF}section,measure,bureau,"))
        #expect(csv.contains("year_on_year,change_percent,包头市工业和信息化局,包头市,2024,final,unit,sangong_reception,公务接待费,-1.02,%,,下降 1.02%,baotou-2024-final.txt,287,"))
        #expect(csv.contains("year_on_year,change_amount,包头市工业和信息化局,包头市,2024,final,unit,admin_operating_cost,机关运行经费,55.79,万元,,增加 55.79 万元,baotou-2024-final.txt,301,"))
    }

    @Test func theMarkdownHoldsEverySection() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(briefing(["--year", "2024"], out: folder.path).status == 0)
        let markdown = try text(folder.file("2024/briefing.md"))
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == ["## 一、主要指标：决算", "## 二、主要指标：预算", "## 三、分项排名（决算，从大到小）", "## 四、预算与决算",
                             "## 五、与上年相比（报告所述）", "## 六、审核与完整性", "## 七、说明", "## 八、数据来源"])
        #expect(markdown.contains("| 怀仁市工业和信息化局 | 怀仁市 | 部门 | 7.50 |"))
        #expect(markdown.contains("| “三公”经费合计（万元） | 包头市工业和信息化局 | 3.77 | 0.97 | 25.73 |"))
        #expect(markdown.contains("口径不同（本级与部门）"))
        #expect(markdown.contains("| 项目支出占比（%） | 87.61 | 324, 326 | 项目支出4649.76万元，占比87.61%。 |"))
        #expect(markdown.contains("| 怀仁市工业和信息化局 | 决算 | huairen-2024-final.txt |"))
    }

    @Test func twoRunsGiveTheSameBytesWithoutPathsOrTimes() throws {
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        defer { first.remove(); second.remove() }
        #expect(briefing(out: first.path).status == 0)
        #expect(briefing(out: second.path).status == 0)
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        for year in ["2020", "2023", "2024"] {
            for name in Self.names {
                let a = try #require(FileManager.default.contents(atPath: first.file("\(year)/\(name)")))
                let b = try #require(FileManager.default.contents(atPath: second.file("\(year)/\(name)")))
                #expect(a == b, "\(year)/\(name)")
                let content = String(decoding: a, as: UTF8.self)
                #expect(!content.contains(first.path) && !content.contains(Repository.root.path), "\(year)/\(name): no absolute path")
                #expect(!content.contains(today), "\(year)/\(name): no date of the run")
            }
        }
    }

    @Test func yearBomAndLanguage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = briefing(["--year", "2023", "--no-bom", "--lang", "en"], out: folder.path)
        #expect(run.status == 0)
        #expect(try folder.contents() == ["2023"])
        let csv = try text(folder.file("2023/briefing.csv"))
        #expect(csv.hasPrefix("section,measure,"))
        let html = try text(folder.file("2023/briefing.html"))
        #expect(html.contains("<html lang=\"en\">") && html.contains("Briefing on the 2023 final accounts and budgets"))
        #expect(html.contains("乌海市工业和信息化局"), "names stay as the reports write them")
    }

    @Test func problemsGiveTheirExitStatusAndWriteNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let none = briefing(["--year", "1999"], out: folder.path)
        #expect(none.status == 1 && none.stderr.contains("no report of fiscal year 1999"))
        #expect(try folder.contents().isEmpty)
        #expect(briefing(["--year", "24"], out: folder.path).status == 2)
        #expect(briefing(["--bom", "--no-bom"], out: folder.path).status == 2)
        #expect(briefing(["--lang", "fr"], out: folder.path).status == 2)

        let blocker = folder.file("file")
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let blocked = briefing(out: blocker)
        #expect(blocked.status == 3 && blocked.stdout.isEmpty)
        #expect(try text(blocker) == "x")
    }

    @Test func helpDescribesTheFiles() {
        let run = ToolRun(["help", "briefing"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("briefing [PATH...] [--year Y] [--out DIR]"))
        #expect(run.stdout.contains("briefing.html"))
    }
}
