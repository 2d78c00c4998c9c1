#!/usr/bin/env python3
"""The notebook's PyTorch pipeline (../shared/anchor/seed_pytorch.py), made configurable for
tools/cost-growth: the same sampling (uniform pixels of the drawing, coordinates / 255), the same
model (Linear layers with sigmoids), loss (BCELoss on the sigmoid output), optimizer (Adam 0.01),
DataLoader over a TensorDataset with shuffle, and a validation pass after every epoch. Labels are
binary (alpha >= 128), as Drawnet's; one torch thread, as BENCHMARKS.md measures the notebook.

  /usr/bin/python3 tools/pytorch-pipeline.py [--drawing blob.png] [--train-size 5000]
      [--val-size 1000] [--test-size 10000] [--batch 24] [--hidden 4 | 64,64] [--epochs 100]
      [--seed 0] [--loader dataloader|slices] [--threads 1]

--loader slices replaces the notebook's DataLoader (which fetches and stacks every sample one by
one) by a permutation and tensor slices per batch: the same steps, without the per-sample Python.
Prints one JSON line: setup_s, train_s (all epochs with their validation passes), per_epoch_ms, ...
"""
import argparse, json, os, time
import numpy as np
from PIL import Image
import torch, torch.nn as nn, torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset

here = os.path.dirname(os.path.abspath(__file__))
default_drawing = os.path.join(here, "..", "..", "shared", "anchor", "drawings", "blob.png")
if not os.path.exists(default_drawing):
    default_drawing = "/work/shared/anchor/drawings/blob.png"
ap = argparse.ArgumentParser()
ap.add_argument("--drawing", default=default_drawing)
ap.add_argument("--train-size", type=int, default=5000)
ap.add_argument("--val-size", type=int, default=1000)
ap.add_argument("--test-size", type=int, default=10000)
ap.add_argument("--batch", type=int, default=24)
ap.add_argument("--hidden", default="4")
ap.add_argument("--epochs", type=int, default=100)
ap.add_argument("--seed", type=int, default=0)
ap.add_argument("--lr", type=float, default=0.01)
ap.add_argument("--loader", choices=["dataloader", "slices"], default="dataloader")
ap.add_argument("--threads", type=int, default=1)
a = ap.parse_args()
torch.set_num_threads(a.threads)
np.random.seed(a.seed); torch.manual_seed(a.seed)
t0 = time.perf_counter()
np_im_bw = np.array(Image.open(a.drawing))[:, :, 3]
def split(n):
    X = np.column_stack((np.random.randint(0, np_im_bw.shape[0], size=n), np.random.randint(0, np_im_bw.shape[1], size=n)))
    y = np.rot90(np_im_bw, k=3)[X[:, 0], X[:, 1]]
    return X / 255.0, (y >= 128).astype(np.float64)
X_train, y_train = split(a.train_size); X_val, y_val = split(a.val_size); X_test, y_test = split(a.test_size)
sizes = [] if a.hidden == "none" else [int(s) for s in a.hidden.split(",")]

class Net(nn.Module):
    def __init__(self, nin, hidden, nout):
        super().__init__()
        dims = [nin] + hidden
        self.hidden = nn.ModuleList(nn.Linear(i, o) for i, o in zip(dims[:-1], dims[1:]))
        self.output = nn.Linear(dims[-1], nout)
    def forward(self, x):
        for l in self.hidden:
            x = torch.sigmoid(l(x))
        return torch.sigmoid(self.output(x))
model = Net(2, sizes, 1)
loss_fn = nn.BCELoss(); optimizer = optim.Adam(model.parameters(), lr=a.lr)
bs = a.batch
Xt, yt = torch.Tensor(X_train), torch.Tensor(y_train)
train_loader = DataLoader(TensorDataset(Xt, yt), batch_size=bs, shuffle=True)
val_loader = DataLoader(TensorDataset(torch.Tensor(X_val), torch.Tensor(y_val)), batch_size=bs, shuffle=False)
test_loader = DataLoader(TensorDataset(torch.Tensor(X_test), torch.Tensor(y_test)), batch_size=bs, shuffle=False)
def sliced(X, y, shuffle):
    idx = torch.randperm(len(X)) if shuffle else None
    for s in range(0, len(X), bs):
        if idx is None:
            yield X[s:s + bs], y[s:s + bs]
        else:
            j = idx[s:s + bs]; yield X[j], y[j]
Xv, yv = torch.Tensor(X_val), torch.Tensor(y_val)
def batches(which):
    if a.loader == "dataloader":
        return {"train": train_loader, "val": val_loader}[which]
    return sliced(Xt, yt, True) if which == "train" else sliced(Xv, yv, False)
def run(loader, train):
    model.train(train); rl = rc = rn = 0
    ctx = torch.enable_grad() if train else torch.no_grad()
    with ctx:
        for X, y in loader:
            y = y.unsqueeze(1)
            if train: optimizer.zero_grad()
            p = model(X); loss = loss_fn(p, y)
            if train: loss.backward(); optimizer.step()
            rc += ((p >= 0.5) == y).sum().item(); rn += y.size(0); rl += loss.item() * y.size(0)
    return rl / rn, rc / rn
t1 = time.perf_counter()
hist = []
for e in range(a.epochs):
    hist.append(run(batches("train"), True) + run(batches("val"), False))
t2 = time.perf_counter()
test_loss, test_acc = run(test_loader, False)
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "loader": a.loader,
                  "train_size": a.train_size, "batch": bs, "hidden": sizes, "epochs": a.epochs,
                  "setup_s": round(t1 - t0, 3), "train_s": round(t2 - t1, 4),
                  "per_epoch_ms": round((t2 - t1) / max(a.epochs, 1) * 1000, 2),
                  "final_train": hist[-1][:2] if hist else None, "test_acc": test_acc}))
