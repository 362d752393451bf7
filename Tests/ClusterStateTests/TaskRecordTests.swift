import Testing
@testable import ClusterState

/// The task, worker and object records: Ray's enum names and numbers, defaults, value semantics.
/// Names and numbers are those of Ray's `TaskStatus`, `TaskType`, `WorkerType`,
/// `WorkerExitType` protobuf enums and of the memory table's reference types (reference §2.6).
struct TaskRecordTests {
    @Test func taskStatesHaveRaysNamesAndNumbers() {
        #expect(TaskState.allCases.map(\.rawValue) == [
            "NIL", "PENDING_ARGS_AVAIL", "PENDING_NODE_ASSIGNMENT", "PENDING_OBJ_STORE_MEM_AVAIL", "PENDING_ARGS_FETCH",
            "SUBMITTED_TO_WORKER", "PENDING_ACTOR_TASK_ARGS_FETCH", "PENDING_ACTOR_TASK_ORDERING_OR_CONCURRENCY",
            "RUNNING", "RUNNING_IN_RAY_GET", "RUNNING_IN_RAY_WAIT", "FINISHED", "FAILED", "GETTING_AND_PINNING_ARGS"])
        #expect(TaskState.nil.number == 0)
        #expect(TaskState.submittedToWorker.number == 5)
        #expect(TaskState.running.number == 8)
        #expect(TaskState.failed.number == 12)
        #expect(TaskState.gettingAndPinningArgs.number == 13)
        #expect(TaskState(rawValue: "PENDING_NODE_ASSIGNMENT") == .pendingNodeAssignment)
        #expect(TaskState(rawValue: "pending_node_assignment") == nil)
    }

    @Test func onlyFinishedAndFailedAreTerminal() {
        #expect(TaskState.allCases.filter(\.isTerminal) == [.finished, .failed])
    }

    @Test func otherEnumsHaveRaysNames() {
        #expect(TaskType.allCases.map(\.rawValue) == ["NORMAL_TASK", "ACTOR_CREATION_TASK", "ACTOR_TASK", "DRIVER_TASK"])
        #expect(WorkerType.allCases.map(\.rawValue) == ["WORKER", "DRIVER", "SPILL_WORKER", "RESTORE_WORKER"])
        #expect(WorkerExitType.allCases.map(\.rawValue) == [
            "SYSTEM_ERROR", "INTENDED_SYSTEM_EXIT", "USER_ERROR", "INTENDED_USER_EXIT", "NODE_OUT_OF_MEMORY"])
        #expect(ObjectReferenceType.allCases.map(\.rawValue) == [
            "LOCAL_REFERENCE", "USED_BY_PENDING_TASK", "CAPTURED_IN_OBJECT", "PINNED_IN_MEMORY", "ACTOR_HANDLE",
            "UNKNOWN_STATUS"])
    }

    @Test func taskInfoDefaultsAndEquality() {
        let job = JobID(counter: 1)
        let id = TaskID.normal(job: job, unique: [1, 2, 3, 4, 5, 6, 7, 8])
        let t = TaskInfo(taskID: id, name: "f", state: .pendingArgsAvail, jobID: job, type: .normalTask,
                         funcOrClassName: "f", parentTaskID: .driver(of: job), creationTimeMs: 5)
        #expect(t.attemptNumber == 0 && t.language == "PYTHON" && t.requiredResources.isEmpty && t.events.isEmpty)
        #expect(t.actorID == nil && t.nodeID == nil && t.workerID == nil && t.workerPid == nil)
        #expect(t.errorType == nil && t.errorMessage == nil && t.placementGroupID == nil)
        #expect(t.startTimeMs == nil && t.endTimeMs == nil)
        var retry = t
        retry.attemptNumber = 1
        #expect(retry != t && retry.taskID == t.taskID)
        #expect(TaskStateEvent(state: .running, createdMs: 1) == TaskStateEvent(state: .running, createdMs: 1))
        #expect(TaskStateEvent(state: .running, createdMs: 1) != TaskStateEvent(state: .finished, createdMs: 1))
    }

    @Test func workerAndObjectDefaults() {
        let w = WorkerInfo(workerID: .driver(of: JobID(counter: 2)), nodeID: .nilID, ip: "192.0.2.2", pid: 7,
                           startTimeMs: 1)
        #expect(w.isAlive && w.workerType == .worker && w.exitType == nil && w.exitDetail == nil)
        #expect(w.workerLaunchTimeMs == nil && w.workerLaunchedTimeMs == nil && w.endTimeMs == nil)
        let o = ObjectInfo(objectID: ObjectID(task: .driver(of: JobID(counter: 2)), index: 1), objectSize: -1,
                           taskStatus: .nil, referenceType: .localReference, type: .driver, pid: 7, ip: "192.0.2.2")
        #expect(o.callSite == "disabled" && o.attemptNumber == 0)
        var other = o
        other.pid = 8
        #expect(other != o)
    }
}
