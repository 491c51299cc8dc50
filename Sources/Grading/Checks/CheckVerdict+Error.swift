/// A verdict or a feedback can stand for "the check cannot go on" in a `Result`'s failure.
extension CheckVerdict: Error {}
extension Feedback: Error {}
