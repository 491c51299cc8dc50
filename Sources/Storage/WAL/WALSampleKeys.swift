/// The series reference and timestamp of each sample of a samples record, float or histogram,
/// written as signed varint deltas against the previous sample of the record (the first against 0).
struct WALSampleKeys {
    private var ref: UInt64 = 0
    private var t: Int64 = 0

    /// Appends the deltas of the next sample's keys.
    mutating func encode(ref: UInt64, t: Int64, into w: inout WALByteWriter) {
        w.varint(Int64(bitPattern: ref &- self.ref))
        w.varint(t &- self.t)
        self.ref = ref
        self.t = t
    }

    /// Reads the next sample's keys.
    mutating func decode(_ r: inout WALByteReader) throws -> (ref: UInt64, t: Int64) {
        ref = ref &+ UInt64(bitPattern: try r.varint())
        t = t &+ (try r.varint())
        return (ref, t)
    }
}
