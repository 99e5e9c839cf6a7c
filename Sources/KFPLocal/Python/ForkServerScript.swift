/// The Python side of ``PythonForkServer``: imports `kfp.dsl.executor_main` once, then forks one
/// child process per task. Each child gets the task's working directory, environment, log file
/// (stdout and stderr), its own process group, writes the component source to
/// `$(mktemp -d)/ephemeral_component.py` and runs `python3 -m kfp.dsl.executor_main
/// --component_module_path <file> ARGS...` in-process (runpy), exactly what KFP's launch script does.
///
/// Protocol on a Unix socket, one connection per task: the client sends a 4-byte big-endian length
/// and a JSON request `{"cwd", "env", "log", "source", "args"}`; the server answers two lines:
/// `pid <n>` when the child started, then `exit <code>` or `signal <n>` when it ended.
enum ForkServerScript {
    static let source = #"""
    import json, os, runpy, selectors, signal, socket, struct, sys, tempfile, traceback

    os.environ['_KFP_RUNTIME'] = 'true'  # what KFP's launch script sets; runtime-only imports
    # As a fresh interpreter has them, whatever the runner's own handlers and mask are.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    import kfp.dsl.executor_main  # noqa: F401  (the warm import every task shares)

    socket_path, parent = sys.argv[1], os.getppid()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    # The runner waits for socket_path to exist: make it appear only once connections are
    # accepted (bind creates the file before listen, and a connect in between is refused).
    server.bind(socket_path + '.binding')
    server.listen(128)
    os.rename(socket_path + '.binding', socket_path)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    selector = selectors.DefaultSelector()
    selector.register(server, selectors.EVENT_READ, 'accept')
    selector.register(wake_r, selectors.EVENT_READ, 'wake')
    running = {}

    def read_exact(conn, count):
        data = b''
        while len(data) < count:
            chunk = conn.recv(count - len(data))
            if not chunk:
                raise EOFError('connection closed')
            data += chunk
        return data

    def run_child(request):
        os.setpgid(0, 0)
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        log = os.open(request['log'], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.dup2(log, 1)
        os.dup2(log, 2)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        code = 1
        try:
            os.chdir(request['cwd'])
            os.environ.clear()
            os.environ.update(request['env'])
            os.environ['_KFP_RUNTIME'] = 'true'
            folder = tempfile.mkdtemp()
            path = os.path.join(folder, 'ephemeral_component.py')
            with open(path, 'w') as handle:
                handle.write(request['source'])
            sys.argv = ['-m', '--component_module_path', path] + request['args']
            sys.path[0] = request['cwd']
            runpy.run_module('kfp.dsl.executor_main', run_name='__main__', alter_sys=True)
            code = 0
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)

    while True:
        if os.getppid() != parent:
            break
        for key, _ in selector.select(timeout=1.0):
            if key.data == 'accept':
                conn, _ = server.accept()
                try:
                    size = struct.unpack('>I', read_exact(conn, 4))[0]
                    request = json.loads(read_exact(conn, size))
                except Exception:
                    conn.close()
                    continue
                try:
                    pid = os.fork()
                except OSError as error:
                    conn.sendall(b'error %s\n' % str(error).encode())
                    conn.close()
                    continue
                if pid == 0:
                    selector.close()
                    server.close()
                    conn.close()
                    run_child(request)
                conn.sendall(b'pid %d\n' % pid)
                running[pid] = conn
            else:
                try:
                    os.read(wake_r, 4096)
                except BlockingIOError:
                    pass
        while running:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            conn = running.pop(pid, None)
            if conn is None:
                continue
            if os.WIFSIGNALED(status):
                line = b'signal %d\n' % os.WTERMSIG(status)
            else:
                line = b'exit %d\n' % os.WEXITSTATUS(status)
            try:
                conn.sendall(line)
            except OSError:
                pass
            finally:
                conn.close()
    """#
}
