import ArgumentParser
import Foundation
import PraxisCircuit
import PraxisEngine

/// `praxis circuit show|validate`: print and check circuit files.
struct CircuitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "circuit", abstract: "Show or validate a motor-learning circuit file.",
        subcommands: [Show.self, Validate.self])

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json, dot }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a circuit (the default one unless --file is given).")
        @Option(help: "A circuit file (YAML); default: the shipped default circuit.") var file: String?
        @Option(help: "Output format: yaml, json or dot.") var format: Format = .yaml

        func run() throws {
            let (text, name) = try CircuitCommand.load(file)
            let spec = try CircuitCommand.parse(text, name)
            switch format {
            case .yaml: print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            case .json: print(String(decoding: try CircuitSpec.jsonEncoder().encode(spec), as: UTF8.self))
            case .dot: print(spec.dot())
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a circuit file; report every problem with file, line and field.")
        @Argument(help: "The circuit file to check ('-' reads standard input).") var file: String

        func run() throws {
            let (text, name) = try CircuitCommand.load(file)
            let spec = try CircuitCommand.parse(text, name)
            print("\(name): valid — \(spec.regions.count) regions, \(spec.populations.count) populations, \(spec.pathways.count) pathways")
        }
    }

    static func load(_ file: String?) throws -> (String, String) {
        guard let file else { return (CircuitFile.defaultText(), "default-circuit.yaml") }
        if file == "-" { return (String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self), "(stdin)") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read circuit file '\(file)'")
        }
        return (String(decoding: data, as: UTF8.self), file)
    }

    static func parse(_ text: String, _ name: String) throws -> CircuitSpec {
        do { return try CircuitFile.parse(text, file: name) } catch {
            var stderr = StandardError()
            print(error.description, to: &stderr)
            throw ExitCode(65)
        }
    }
}

/// Standard error as a text stream.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
