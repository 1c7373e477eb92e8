"""How the lab talks to these programs (plumbing, not part of any lesson).

Every program in this folder is run as

    python3 main/scenarios/python/<scenario-id>.py '<json object>'

The JSON object holds the scenario's parameters under the lab's names; a key that is
missing takes the lab's default. Three keys are common to all programs:

    timeUnitMs   length of one second of the seed's example, in ms (a sleep of s seed
                 seconds becomes time.sleep(s * UNIT))
    seed         seeds `random` in each process, so random sleeps repeat (the order in
                 which real processes interleave never does)
    startMethod  'fork' (Linux's default) or 'spawn' (Windows' and macOS's)

`python3 <program>.py --params` prints the parameters it would use, as JSON, and exits.
Bad parameters end the program with exit code 2 and a message naming what is wrong.
"""
import json
import os
import random
import signal
import sys

COMMON = {'timeUnitMs': 100, 'seed': None, 'startMethod': 'fork'}
START_METHODS = ('fork', 'spawn')
HANG_EXIT_CODE = 3  # the program was ended by hangAfterS: it hung, as its lesson says


def _refuse(program, message):
    print(f'{program}: {message}', file=sys.stderr)
    sys.exit(2)


def _check(program, key, value, default, choices):
    if key in choices:
        if value not in choices[key]:
            allowed = ', '.join(repr(c) for c in choices[key])
            _refuse(program, f'parameter {key!r} is {value!r}; allowed: {allowed}')
    elif isinstance(default, bool):
        if not isinstance(value, bool):
            _refuse(program, f'parameter {key!r} is {value!r}; allowed: true or false')
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            _refuse(program, f'parameter {key!r} is {value!r}; allowed: a whole number')
    elif default is None:  # optional numbers (seed, hangAfterS)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
            _refuse(program, f'parameter {key!r} is {value!r}; allowed: a number >= 0, or null')


def read_params(defaults, choices=None):
    """The parameters from the command line, over `defaults` (the lab's defaults) and COMMON.

    Runs at import time in every process: under 'spawn' each child imports the program
    again and reads the same command line (multiprocessing hands the child the parent's
    sys.argv), so every process sees the same parameters.
    """
    program = os.path.basename(sys.argv[0]) or 'program'
    allowed = {**defaults, **COMMON}
    choices = {**(choices or {}), 'startMethod': START_METHODS}
    raw = sys.argv[1] if len(sys.argv) > 1 else '{}'
    show = raw == '--params'
    try:
        given = {} if show else json.loads(raw)
    except json.JSONDecodeError as err:
        _refuse(program, f'the parameters are not JSON ({err}); pass one JSON object such as \'{{"timeUnitMs": 20}}\'')
    if not isinstance(given, dict):
        _refuse(program, f'the parameters must be one JSON object, not {type(given).__name__}')
    for key, value in given.items():
        if key not in allowed:
            _refuse(program, f'unknown parameter {key!r}; allowed: {", ".join(allowed)}')
        _check(program, key, value, allowed[key], choices)
    params = {**allowed, **given}
    if params['timeUnitMs'] <= 0:
        _refuse(program, f"parameter 'timeUnitMs' is {params['timeUnitMs']}; allowed: a whole number > 0")
    if show:
        print(json.dumps(params))
        sys.exit(0)
    # Each line leaves at once and whole, as on a terminal (where the seeds' outputs were
    # taken). Block buffering would hold lines back (and os.fork() would copy them);
    # unbuffered output (python3 -u, PYTHONUNBUFFERED) writes print()'s pieces one by one,
    # so lines of different processes could mix.
    sys.stdout.reconfigure(line_buffering=True, write_through=False)
    return params


def reseed(params, who):
    """Seeds this process's `random` from the run's seed and the process's role.

    Python reseeds `random` in every forked child from the OS, so without this each
    run's sleeps would differ even with the same seed.
    """
    if params['seed'] is not None:
        random.seed(f"{params['seed']}/{who}")


def end_hang_after(seconds, children):
    """For programs that hang by design: after `seconds` of wall time, end them.

    An alarm (SIGALRM) interrupts the main process wherever it waits, for instance in
    the join() that multiprocessing makes at exit on a consumer blocked in get() for ever.
    Its handler names on stderr the processes still alive, kills and reaps them, and
    leaves with HANG_EXIT_CODE without printing anything more on stdout. `children()`
    gives the processes to end. No effect when seconds is None. (The alarm runs in the
    main thread, so nothing else reaps the children meanwhile; forked children do not
    inherit it.)
    """
    if seconds is None:
        return

    def time_is_up(_signum, _frame):
        alive = [p for p in children() if p.pid is not None and p.exitcode is None]
        names = ', '.join(f'{p.name} (pid {p.pid})' for p in alive) or 'none'
        print(f'hangAfterS: still running after {seconds} s; processes left: {names}; '
              'ending them (the hang this program shows)', file=sys.stderr, flush=True)
        for p in alive:
            try:
                os.kill(p.pid, signal.SIGKILL)
                os.waitpid(p.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass  # ended meanwhile
        os._exit(HANG_EXIT_CODE)

    signal.signal(signal.SIGALRM, time_is_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
