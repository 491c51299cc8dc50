/// A whole class graded against one lab: one ``StudentGrade`` per roster student, in roster order.
public struct ClassGradeReport: Sendable, Hashable {
    public var lab: String
    public var labTitle: String
    /// The exercises of the lab, in spec order (`id`, title, maximum points): the gradebook's columns.
    public var exercises: [ExerciseColumn]
    /// The lab's total points.
    public var maxPoints: Double
    public var students: [StudentGrade]

    /// One exercise column of the gradebook.
    public struct ExerciseColumn: Sendable, Hashable {
        public var id: String
        public var title: String
        public var maxPoints: Double

        public init(id: String, title: String, maxPoints: Double) {
            self.id = id
            self.title = title
            self.maxPoints = maxPoints
        }
    }

    public init(lab: String, labTitle: String, exercises: [ExerciseColumn], maxPoints: Double, students: [StudentGrade]) {
        self.lab = lab
        self.labTitle = labTitle
        self.exercises = exercises
        self.maxPoints = maxPoints
        self.students = students
    }

    /// The students that were graded.
    public var graded: [StudentGrade] { students.filter { $0.status == .graded } }
}
