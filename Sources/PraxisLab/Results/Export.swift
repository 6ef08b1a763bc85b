import Foundation
import GRDB

/// `praxis export DIR --csv`: tidy tables of a store — one row per trial with a column per
/// metric (`trials.csv`), one row per subject and measure (`measures.csv`), one per subject
/// (`subjects.csv`).
public enum Export {
    /// Writes the tables into `folder`; returns their paths.
    @discardableResult
    public static func csv(store: Store, to folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try store.queue.read { db in
            let metrics = try String.fetchAll(db, sql: "SELECT DISTINCT name FROM metric ORDER BY name")
            var out: [URL] = []

            var trials = "arm,subject,trial,session,block,target,catch,perturbation,feedback,reward" + metrics.map { ",\($0)" }.joined() + "\n"
            // One pass over trials and one over their metrics, both in key order (a merge,
            // not a query per trial).
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.name AS arm, t.* FROM trial t JOIN arm a ON a.id = t.arm_id ORDER BY t.arm_id, t.subject_idx, t.idx
                """)
            let metricRows = try Row.fetchCursor(db, sql: "SELECT * FROM metric ORDER BY arm_id, subject_idx, trial_idx, name")
            var pending = try metricRows.next()
            while let r = try rows.next() {
                let armId: Int = r["arm_id"], subject: Int = r["subject_idx"], idx: Int = r["idx"]
                let key = [armId, subject, idx]
                var byName: [String: Double] = [:]
                while let m = pending, [m["arm_id"], m["subject_idx"], m["trial_idx"]] as [Int] == key {
                    byName[m["name"]] = m["value"]
                    pending = try metricRows.next()
                }
                let cells: [String] = [field(r["arm"]), "\(subject)", "\(idx)", field(r["session"]), "\(r["block"] as Int)",
                                       "\(r["target"] as Int)", "\(r["catch"] as Int)", field(r["perturbation"]), field(r["feedback"]),
                                       "\(r["reward"] as Double)"] + metrics.map { byName[$0].map { "\($0)" } ?? "" }
                trials += cells.joined(separator: ",") + "\n"
            }
            out.append(try write(trials, "trials.csv", folder))

            var measures = "arm,subject,measure,value\n"
            for r in try Row.fetchAll(db, sql: "SELECT a.name AS arm, m.subject_idx, m.name, m.value FROM measure m JOIN arm a ON a.id = m.arm_id ORDER BY m.arm_id, m.subject_idx, m.name") {
                let v: Double? = r["value"]
                measures += "\(field(r["arm"])),\(r["subject_idx"] as Int),\(field(r["name"])),\(v.map { "\($0)" } ?? "")\n"
            }
            out.append(try write(measures, "measures.csv", folder))

            var subjects = "arm,subject,seed,factors,trials\n"
            for r in try Row.fetchAll(db, sql: "SELECT a.name AS arm, s.* FROM subject s JOIN arm a ON a.id = s.arm_id ORDER BY s.arm_id, s.idx") {
                subjects += "\(field(r["arm"])),\(r["idx"] as Int),\(UInt64(bitPattern: r["seed"])),\(field(r["factors"])),\(r["trials"] as Int)\n"
            }
            out.append(try write(subjects, "subjects.csv", folder))
            return out
        }
    }

    private static func write(_ text: String, _ name: String, _ folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url, options: .atomic)
        return url
    }

    /// A CSV field, quoted when it holds a comma, quote or newline (RFC 4180).
    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
