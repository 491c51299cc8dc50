print("labctl-bench")
