function __swiftray_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __swiftray_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __swiftray_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __swiftray_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __swiftray_parse_tokens -S
    set -l unparsed_tokens (__swiftray_tokens -pc)
    switch $unparsed_tokens[1]
    case 'swiftray'
        __swiftray_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'start'
            __swiftray_parse_subcommand 0 'head' 'address=' 'port=' 'node-ip-address=' 'num-cpus=' 'num-gpus=' 'memory=' 'object-store-memory=' 'resources=' 'node-manager-port=' 'temp-dir=' 'block' 'version' 'h/help'
        case 'stop'
            __swiftray_parse_subcommand 0 'temp-dir=' 'f/force' 'g/grace-period=' 'version' 'h/help'
        case 'status'
            __swiftray_parse_subcommand 0 'address=' 'temp-dir=' 'v/verbose' 'version' 'h/help'
        case 'list'
            __swiftray_parse_subcommand 1 'detail' 'format=' 'f/filter=+' 'limit=' 'address=' 'temp-dir=' 'version' 'h/help'
        case 'get'
            __swiftray_parse_subcommand 2 'address=' 'temp-dir=' 'version' 'h/help'
        case 'summary'
            __swiftray_parse_subcommand 1 'address=' 'temp-dir=' 'version' 'h/help'
        case 'run'
            __swiftray_parse_subcommand -r 2 'address=' 'temp-dir=' 'version' 'h/help'
        case 'repl'
            __swiftray_parse_subcommand 0 'address=' 'temp-dir=' 'version' 'h/help'
        case 'get-auth-token'
            __swiftray_parse_subcommand 0 'temp-dir=' 'version' 'h/help'
        case 'microbenchmark'
            __swiftray_parse_subcommand 0 'filter=' 'format=' 'address=' 'temp-dir=' 'trials=' 'trial-seconds=' 'rounds=' 'samples=' 'version' 'h/help'
        case 'help'
            __swiftray_parse_subcommand -r 1 'version'
        end
    end
end

function __swiftray_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __swiftray_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __swiftray_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __swiftray_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__swiftray_tokens -p)
    if test -z "$(__swiftray_tokens -t)"
        set -l index (count (__swiftray_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'swiftray' -f
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray" version' -l 'version' -d 'Show the version.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_positional "swiftray" -eq 1' -fa 'start' -d 'Start swiftray processes on this machine: a head node, or a worker node that joins one.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_positional "swiftray" -eq 1' -fa 'stop' -d 'Stop the swiftray processes of this temp dir\'s session (raylets first, then the GCS).'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_positional "swiftray" -eq 1' -fa 'status' -d 'Show the cluster\'s nodes, resource usage and pending demands (live).'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_positional "swiftray" -eq 1' -fa 'list' -d 'List cluster resources (actors, nodes, jobs, …) as a table, YAML or JSON.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_positional "swiftray" -eq 1' -fa 'get' -d 'Show one resource (actors, placement-groups, nodes, workers, tasks, objects) by id as YAML.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_positional "swiftray" -eq 1' -fa 'summary' -d 'Summarise tasks (by function and state), actors (by class and state) or objects (by call site).'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_positional "swiftray" -eq 1' -fa 'run' -d 'Run a driver script (a Python subset with the `ray` module) against the cluster.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_positional "swiftray" -eq 1' -fa 'repl' -d 'Start an interactive driver (a Python subset with the `ray` module).'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_positional "swiftray" -eq 1' -fa 'get-auth-token' -d 'Print the cluster token, for SWIFTRAY_AUTH_TOKEN on other machines.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_positional "swiftray" -eq 1' -fa 'microbenchmark' -d 'Measure tasks, actors, objects, placement groups, start-up, status/list latency and daemon memory, under Ray\'s microbenchmark names.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_positional "swiftray" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" head' -l 'head' -d 'Start the head node: the GCS and this machine\'s raylet.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" address' -l 'address' -d 'The head\'s GCS address (HOST:PORT) to join as a worker node.' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" port' -l 'port' -d 'The GCS port of a head node (0 picks a free port).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" node-ip-address' -l 'node-ip-address' -d 'The IP address of this node (default: the host\'s primary address).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" num-cpus' -l 'num-cpus' -d 'Number of CPUs of this node (default: detected).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" num-gpus' -l 'num-gpus' -d 'Number of GPUs of this node (default: detected NVIDIA GPUs).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" memory' -l 'memory' -d 'Bytes of memory for tasks and actors (default: 70% of available memory).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" object-store-memory' -l 'object-store-memory' -d 'Bytes for the object store (default: 30% of available memory).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" resources' -l 'resources' -d 'Custom resources as a JSON object, e.g. \'{"foo": 2}\'.' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" node-manager-port' -l 'node-manager-port' -d 'The raylet\'s port (default: a free port).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" temp-dir' -l 'temp-dir' -d 'Root folder for session files (default: $SWIFTRAY_TEMP_DIR, else /tmp/swiftray).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" block' -l 'block' -d 'Stay in the foreground; stop the started processes on SIGINT/SIGTERM.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" version' -l 'version' -d 'Show the version.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray start" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray stop" temp-dir' -l 'temp-dir' -d 'Root folder for session files (default: $SWIFTRAY_TEMP_DIR, else /tmp/swiftray).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray stop" f force' -s 'f' -l 'force' -d 'Send SIGKILL at once instead of SIGTERM.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray stop" g grace-period' -s 'g' -l 'grace-period' -d 'Seconds to wait after SIGTERM before SIGKILL, per group of processes.' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray stop" version' -l 'version' -d 'Show the version.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray stop" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray status" address' -l 'address' -d 'The GCS address HOST:PORT (default: $SWIFTRAY_ADDRESS, else the temp dir\'s current cluster).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray status" temp-dir' -l 'temp-dir' -d 'Root folder for session files (default: $SWIFTRAY_TEMP_DIR, else /tmp/swiftray).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray status" v verbose' -s 'v' -l 'verbose' -d 'Also show per-node usage and the GCS request time.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray status" version' -l 'version' -d 'Show the version.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray list" detail' -l 'detail' -d 'Show every column (YAML unless --format says otherwise).'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray list" format' -l 'format' -d 'Output format: default, table, json or yaml.' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray list"' -s 'f' -l 'filter' -d 'Filter rows: KEY=VALUE or KEY!=VALUE (repeatable, ANDed).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray list" limit' -l 'limit' -d 'At most this many rows (1 to 10000).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray list" address' -l 'address' -d 'The GCS address HOST:PORT (default: $SWIFTRAY_ADDRESS, else the temp dir\'s current cluster).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray list" temp-dir' -l 'temp-dir' -d 'Root folder for session files (default: $SWIFTRAY_TEMP_DIR, else /tmp/swiftray).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray list" version' -l 'version' -d 'Show the version.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray get" address' -l 'address' -d 'The GCS address HOST:PORT (default: $SWIFTRAY_ADDRESS, else the temp dir\'s current cluster).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray get" temp-dir' -l 'temp-dir' -d 'Root folder for session files (default: $SWIFTRAY_TEMP_DIR, else /tmp/swiftray).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray get" version' -l 'version' -d 'Show the version.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray get" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray summary" address' -l 'address' -d 'The GCS address HOST:PORT (default: $SWIFTRAY_ADDRESS, else the temp dir\'s current cluster).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray summary" temp-dir' -l 'temp-dir' -d 'Root folder for session files (default: $SWIFTRAY_TEMP_DIR, else /tmp/swiftray).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray summary" version' -l 'version' -d 'Show the version.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray summary" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray run" address' -l 'address' -d 'The GCS address HOST:PORT (default: $SWIFTRAY_ADDRESS, else the temp dir\'s current cluster).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray run" temp-dir' -l 'temp-dir' -d 'Root folder for session files (default: $SWIFTRAY_TEMP_DIR, else /tmp/swiftray).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray run" version' -l 'version' -d 'Show the version.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray run" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray repl" address' -l 'address' -d 'The GCS address HOST:PORT (default: $SWIFTRAY_ADDRESS, else the temp dir\'s current cluster).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray repl" temp-dir' -l 'temp-dir' -d 'Root folder for session files (default: $SWIFTRAY_TEMP_DIR, else /tmp/swiftray).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray repl" version' -l 'version' -d 'Show the version.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray repl" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray get-auth-token" temp-dir' -l 'temp-dir' -d 'Root folder for session files (default: $SWIFTRAY_TEMP_DIR, else /tmp/swiftray).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray get-auth-token" version' -l 'version' -d 'Show the version.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray get-auth-token" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray microbenchmark" filter' -l 'filter' -d 'Run only the figures whose name contains this text.' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray microbenchmark" format' -l 'format' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray microbenchmark" address' -l 'address' -d 'Benchmark this existing cluster (GCS HOST:PORT) instead of starting one; its auth token comes from --temp-dir or $SWIFTRAY_AUTH_TOKEN.' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray microbenchmark" temp-dir' -l 'temp-dir' -d 'Root folder for session files (default: $SWIFTRAY_TEMP_DIR, else /tmp/swiftray).' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray microbenchmark" trials' -l 'trials' -d 'How many timed trials per throughput figure.' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray microbenchmark" trial-seconds' -l 'trial-seconds' -d 'How long each trial runs, in seconds.' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray microbenchmark" rounds' -l 'rounds' -d 'How many start/stop rounds to time.' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray microbenchmark" samples' -l 'samples' -d 'How many status/list calls to time.' -rfka ''
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray microbenchmark" version' -l 'version' -d 'Show the version.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray microbenchmark" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'swiftray' -n '__swiftray_should_offer_completions_for_flags_or_options "swiftray help" version' -l 'version' -d 'Show the version.'
