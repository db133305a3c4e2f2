import Testing
@testable import DisclosureKit

/// Change statements: their direction, and a comparison sentence that speaks of the figure
/// stated before it.
@Suite("ChangeWording")
struct ChangeWordingTests {
    @Test("减少 0.01 万元, 下降 1.02% are decreases; 增加, 增长 increases")
    func directions() {
        let down = Stage.statements("公务接待费支出决算0.97万元，与上年决算相比，减少 0.01 万元，下降 1.02%。", family: .sangong)
        #expect(down.map(\.direction) == [nil, .decrease, .decrease])
        let up = Stage.statements("机关运行经费支出决算124.46万元，与上年决算相比，增加55.79万元，增长81.24%。", family: .admin)
        #expect(up.map(\.direction) == [nil, .increase, .increase])
    }

    @Test("减少-0.32 is a decrease however the number is written; a share has no direction")
    func signedDecrease() throws {
        let o = try #require(Stage.statements("公务用车运行维护费支出较上年减少-0.32 万元。").first)
        #expect(o.direction == .decrease)
        #expect(o.stated.description == "-0.32")
        let share = Stage.statements("项目支出4649.76万元，占本年支出合计的87.61%。", family: .expenditure)
        #expect(share.allSatisfy { $0.direction == nil })
    }

    @Test("a change without a direction word has none: 同比 -5%")
    func noWord() throws {
        let o = try #require(Stage.statements("机关运行经费支出 10 万元，同比 -5%。", family: .admin).stage(.adminOperatingCost, .changePercent).first)
        #expect(o.direction == nil)
    }

    @Test("a comparison sentence after the figure is the figure's change, with its sentence and label")
    func borrowedSubject() throws {
        let text = "3. 公务接待费支出 0.97 万元。其中：国内公务接待支出 0.97 万元，接待 12 批次；国（境）外公务接待支出 0 万元。与上年决算相比，减少 0.01 万元，下降 1.02%，变动原因：结余不到一千元。"
        let found = Stage.statements(text, family: .sangong)
        let value = try #require(found.stage(.sangongReception, .value).first)
        let change = try #require(found.stage(.sangongReception, .change).first)
        let percent = try #require(found.stage(.sangongReception, .changePercent).first)
        #expect(change.stated.description == "0.01" && change.direction == .decrease)
        #expect(percent.stated.description == "1.02" && percent.direction == .decrease)
        #expect(change.sentence == value.sentence && percent.sentence == value.sentence)
        #expect(change.label == "公务接待费")
        #expect(change.snippet.hasPrefix("与上年决算相比"))
        #expect(found.stage(.sangongReception, .value).count == 1)
    }

    @Test("the first figure of the sentence before is the subject, not a listed item")
    func firstFigureOfSentence() {
        let text = "机关运行经费预算支出69.74万元，主要包括以下支出：办公费20.95万元、公务接待费1.38万元。与上年相比增加13.06万元，增长21.54%。"
        let found = Stage.statements(text, family: .admin)
        #expect(found.stage(.adminOperatingCost, .change).map(\.stated.description) == ["13.06"])
        #expect(found.stage(.sangongReception, .change).isEmpty)
    }

    @Test("each figure keeps its own comparison: 基本支出 … 。与上年相比… 项目支出 … 。与上年相比…")
    func twoFigures() {
        let text = "基本支出 100 万元。与上年相比，增加 5 万元。项目支出 200 万元。与上年相比，减少 7 万元。"
        let found = Stage.statements(text, family: .expenditure)
        #expect(found.stage(.basicExpenditure, .change).map(\.stated.description) == ["5"])
        #expect(found.stage(.projectExpenditure, .change).map(\.stated.description) == ["7"])
        #expect(found.stage(.projectExpenditure, .change).first?.direction == .decrease)
    }

    @Test("a comparison sentence gives only changes, and nothing without a figure before it", arguments: [
        "与上年决算相比，减少 0.01 万元，下降 1.02%。",
        "公务接待费支出 0.97 万元。与上年决算相比，收入 5 万元。",
        "公务接待费支出 0.97 万元。本年度开展调研活动，与上年决算相比，减少 0.01 万元。",
    ])
    func nothingElse(_ text: String) {
        let found = Stage.statements(text, family: .sangong)
        #expect(found.filter { $0.role != .value }.isEmpty)
    }

    @Test("a comparison in another line borrows nothing")
    func otherLine() {
        let found = Stage.statements("公务接待费支出 0.97 万元。\n\n与上年决算相比，减少 0.01 万元。", family: .sangong)
        #expect(found.map(\.role) == [.value])
    }

    @Test("the direction read past the scalars no word starts with is the word-by-word reading's")
    func directionSkip() {
        let words = (ChangeWording.increaseWords.map { ($0, Observation.Direction.increase) }
            + ChangeWording.decreaseWords.map { ($0, Observation.Direction.decrease) })
            .map { (Array($0.0.unicodeScalars), $0.1) }.sorted { $0.0.count > $1.0.count }
        /// The plain reading: at each place the longest word standing there, or one scalar on.
        func plain(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Observation.Direction? {
            var found: Observation.Direction?
            var i = max(0, range.lowerBound)
            let upper = min(range.upperBound, s.count)
            while i < upper {
                let at = i
                guard let (word, direction) = words.first(where: { at + $0.0.count <= upper && s[at..<(at + $0.0.count)].elementsEqual($0.0) }) else {
                    i += 1
                    continue
                }
                found = direction
                i += word.count
            }
            return found
        }
        var random = SplitMix64(seed: 91)
        let pieces = ChangeWording.increaseWords + ChangeWording.decreaseWords + ["与上年相比", "，", "1", "加", "少", "长", "上", "下", "压", "增减", "a"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<random.below(8) { text += pieces[random.below(pieces.count)] }
            let s = Array(text.unicodeScalars)
            let lower = random.below(s.count + 2) - 1
            let upper = lower + random.below(s.count + 3)
            let fast = s.withUnsafeBufferPointer { ChangeWording.direction($0, lower..<max(lower, upper)) }
            #expect(fast == plain(s, lower..<max(lower, upper)), "\(text) \(lower)..<\(upper)")
        }
    }
}
