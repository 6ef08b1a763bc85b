# Brette et al. 2007 COBA/CUBA in Brian2 C++ standalone, timing only the run (peer measurement; not part of Praxis).
import sys, time
from brian2 import *
kind = sys.argv[1]; N = int(sys.argv[2]); outdir = sys.argv[3]
set_device('cpp_standalone', directory=outdir, build_on_run=False)
prefs.devices.cpp_standalone.openmp_threads = 0
taum = 20*ms; taue = 5*ms; taui = 10*ms; Vt = -50*mV; Vr = -60*mV
NE = int(N*0.8); p = 80.0/N
if kind == 'coba':
    El = -60*mV; Ee = 0*mV; Ei = -80*mV
    eqs = '''dv/dt = (ge*(Ee-v)+gi*(Ei-v)-(v-El))/taum : volt (unless refractory)
    dge/dt = -ge/taue : 1
    dgi/dt = -gi/taui : 1'''
    P = NeuronGroup(N, eqs, threshold='v>Vt', reset='v=Vr', refractory=5*ms, method='euler')
    we = 0.6; wi = 6.7
    P.v = 'El - 5*mV + 5*mV*randn()'; P.ge = '4 + 1.5*randn()'; P.gi = '20 + 12*randn()'
    Ce = Synapses(P, P, on_pre='ge += we'); Ci = Synapses(P, P, on_pre='gi += wi')
else:
    El = -49*mV
    eqs = '''dv/dt = (ge+gi-(v-El))/taum : volt (unless refractory)
    dge/dt = -ge/taue : volt
    dgi/dt = -gi/taui : volt'''
    P = NeuronGroup(N, eqs, threshold='v>Vt', reset='v=Vr', refractory=5*ms, method='exact')
    we = 1.62*mV; wi = -9*mV
    P.v = 'Vr + rand()*(Vt-Vr)'
    Ce = Synapses(P, P, on_pre='ge += we'); Ci = Synapses(P, P, on_pre='gi += wi')
Ce.connect('i<NE', p=p); Ci.connect('i>=NE', p=p)
s = SpikeMonitor(P)
run(1*second, profile=False)
device.build(directory=outdir, compile=True, run=False)
import subprocess, os
t0 = time.time(); subprocess.run([os.path.join(outdir, 'main')], cwd=outdir, check=True); t1 = time.time()
# Brian's own timing of the run phase:
rt = open(os.path.join(outdir, 'results', 'last_run_info.txt')).read().split()
print(f"brian2 {kind} N={N}: run {float(rt[0]):.4f} s (process {t1-t0:.3f} s)")
