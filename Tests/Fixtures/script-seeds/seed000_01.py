import ray
from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

# pin this task to only run on the current node id
run_on_same_node = NodeAffinitySchedulingStrategy(
    node_id=ray.get_runtime_context().get_node_id(), 
    soft=False,
)

@ray.remote(
    scheduling_strategy=run_on_same_nodeÏ
)
def node_affinity_schedule():
    return 2


ray.get(node_affinity_schedule.remote())
