/// The series oliver006/redis_exporter (v1.x) exposes, as ``LabServiceRole/metricPrefixes`` entries:
/// exact names for the fields of `INFO` it maps (stats, clients, memory, persistence, replication,
/// CPU) and the per-command, per-database and per-key series, prefixes (ending in `_`) for the
/// families whose names depend on Redis (`redis_exporter_*`, `redis_sentinel_*`, key groups, streams,
/// modules, errors). A name outside the list is not a Redis metric: the seed's
/// `redis_latency_microseconds_sum` never existed (per-command latency is
/// `redis_commands_duration_seconds_total` over `redis_commands_total`).
enum RedisExporterMetrics {
    /// Exact names and families, with the `redis_` namespace.
    static let names: [String] = exact.map { "redis_" + $0 } + families.map { "redis_" + $0 }

    /// Families whose members depend on the Redis version, modules or the exporter's options.
    static let families = [
        "exporter_", "sentinel_", "cluster_", "key_group_", "stream_", "search_", "module_", "tile38_",
        "slowlog_", "aof_", "rdb_", "repl_", "replica_", "connected_slave_", "master_", "slave_",
        "allocator_", "defrag_", "config_", "script_", "target_scrape_", "errors_", "commands_latencies_usec_",
        "io_threaded_", "client_recent_", "memory_used_", "memory_max_",
    ]

    /// Single series (counters with their `_total`).
    static let exact = [
        // Server, clients
        "up", "uptime_in_seconds", "start_time_seconds", "process_id", "instance_info", "connected_clients",
        "blocked_clients", "tracking_clients", "clients_in_timeout_table", "client_longest_output_list",
        "client_biggest_input_buf", "connected_clients_details",
        // Stats
        "connections_received_total", "commands_processed_total", "rejected_connections_total",
        "net_input_bytes_total", "net_output_bytes_total", "net_repl_input_bytes_total", "net_repl_output_bytes_total",
        "expired_keys_total", "evicted_keys_total", "keyspace_hits_total", "keyspace_misses_total",
        "expired_stale_percentage", "expired_time_cap_reached_total", "pubsub_channels", "pubsub_patterns",
        "pubsubshard_channels", "latest_fork_usec", "latest_fork_seconds", "migrate_cached_sockets_total",
        "lazyfree_pending_objects", "active_defrag_running", "loading_dump_file", "instantaneous_ops",
        "instantaneous_input_kbps", "instantaneous_output_kbps", "total_error_replies", "unexpected_error_replies",
        "total_reads_processed", "total_writes_processed", "evicted_clients_total", "acl_access_denied_auth_total",
        // Per command and latency
        "commands_total", "commands_duration_seconds_total", "commands_rejected_calls_total",
        "commands_failed_calls_total", "latency_spike_last", "latency_spike_duration_seconds",
        "last_slow_execution_duration_seconds", "latency_percentiles_usec", "latency_percentiles_usec_sum",
        "latency_percentiles_usec_count",
        // CPU
        "cpu_sys_seconds_total", "cpu_user_seconds_total", "cpu_sys_children_seconds_total",
        "cpu_user_children_seconds_total", "cpu_sys_main_thread_seconds_total", "cpu_user_main_thread_seconds_total",
        // Replication
        "connected_slaves", "replication_backlog_bytes", "second_repl_offset", "replica_resyncs_full",
        "replica_partial_resync_accepted", "replica_partial_resync_denied", "master_repl_offset",
        // Keyspace and keys
        "db_keys", "db_keys_expiring", "db_avg_ttl_seconds", "keys_count", "key_size", "key_value",
        "number_of_distinct_key_groups", "last_key_groups_scrape_duration_milliseconds",
        // Memory besides memory_used_* and memory_max_*
        "mem_fragmentation_ratio", "mem_fragmentation_bytes", "mem_clients_slaves", "mem_clients_normal",
        "mem_not_counted_for_eviction_bytes", "mem_total_replication_buffers", "mem_cluster_links",
        // Keydb
        "server_threads_total", "long_lock_waits_total", "current_client_thread",
    ]
}
