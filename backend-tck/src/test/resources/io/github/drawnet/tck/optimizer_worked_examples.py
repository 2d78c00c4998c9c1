#!/usr/bin/env python3
"""Expected numbers of ReferenceOptimizerTest, computed without the Java code.

Plain Python (no numpy, no PyTorch): the network, binary cross-entropy with logits and its
gradient written out by hand (and checked here by central differences), then the update rules as
PyTorch documents them:

  torch.optim.SGD(lr, weight_decay):   g = grad + wd * p;  p = p - lr * g
  torch.optim.Adam(lr, betas=(0.9, 0.999), eps=1e-8, weight_decay):
      g = grad + wd * p
      m = b1 * m + (1 - b1) * g
      v = b2 * v + (1 - b2) * g * g
      m_hat = m / (1 - b1 ** t);  v_hat = v / (1 - b2 ** t)
      p = p - lr * m_hat / (sqrt(v_hat) + eps)

Weight decay applies to every parameter, biases included, as it does for a PyTorch parameter
group holding both. Loss of a batch of B points: mean of max(z, 0) - y z + log(1 + exp(-|z|)).
A point counts as correct when (z >= 0) == y, i.e. (sigmoid(z) >= 0.5) == y.

Run: python3 optimizer_worked_examples.py
"""
import math

B1, B2, EPS = 0.9, 0.999, 1e-8


def sigmoid(z):
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def forward(params, x, act):
    """params: list of layers (W[out][in], b[out]); hidden layers use act; the output stays a logit."""
    zs, acts = [], [x]
    a = x
    for l, (W, b) in enumerate(params):
        z = [b[o] + sum(W[o][i] * a[i] for i in range(len(a))) for o in range(len(W))]
        zs.append(z)
        a = z if l == len(params) - 1 else [act[0](v) for v in z]
        acts.append(a)
    return zs, acts


def loss_and_grads(params, X, Y, act):
    n = len(Y)
    grads = [([[0.0] * len(W[0]) for _ in W], [0.0] * len(b)) for W, b in params]
    loss, correct = 0.0, 0
    for x, y in zip(X, Y):
        zs, acts = forward(params, x, act)
        z = zs[-1][0]
        loss += max(z, 0) - y * z + math.log1p(math.exp(-abs(z)))
        correct += (1.0 if z >= 0 else 0.0) == y
        delta = [(sigmoid(z) - y) / n]
        for l in range(len(params) - 1, -1, -1):
            W, _ = params[l]
            gW, gb = grads[l]
            prev = acts[l]
            for o in range(len(W)):
                gb[o] += delta[o]
                for i in range(len(prev)):
                    gW[o][i] += delta[o] * prev[i]
            if l > 0:
                delta = [sum(delta[o] * W[o][i] for o in range(len(W))) * act[1](zs[l - 1][i])
                         for i in range(len(prev))]
    return loss / n, correct, grads


def flat(params):
    """Layer by layer: weights row-major, then biases."""
    return [v for W, b in params for v in [w for row in W for w in row] + list(b)]


def unflat(values, like):
    out, k = [], 0
    for W, b in like:
        nW = [[0.0] * len(W[0]) for _ in W]
        for o in range(len(W)):
            for i in range(len(W[0])):
                nW[o][i] = values[k]
                k += 1
        nb = list(values[k:k + len(b)])
        k += len(b)
        out.append((nW, nb))
    return out


def check_gradient(params, X, Y, act):
    _, _, grads = loss_and_grads(params, X, Y, act)
    analytic = flat(grads)
    p = flat(params)
    h = 1e-6
    for k in range(len(p)):
        up, down = list(p), list(p)
        up[k] += h
        down[k] -= h
        numeric = (loss_and_grads(unflat(up, params), X, Y, act)[0]
                   - loss_and_grads(unflat(down, params), X, Y, act)[0]) / (2 * h)
        assert abs(numeric - analytic[k]) < 1e-8, (k, numeric, analytic[k])


def train(params, X, Y, act, optimizer, lr, wd, steps):
    check_gradient(params, X, Y, act)
    p = flat(params)
    m = [0.0] * len(p)
    v = [0.0] * len(p)
    for t in range(1, steps + 1):
        loss, correct, grads = loss_and_grads(unflat(p, params), X, Y, act)
        g = [gk + wd * pk for gk, pk in zip(flat(grads), p)]
        if optimizer == "sgd":
            p = [pk - lr * gk for pk, gk in zip(p, g)]
        else:
            m = [B1 * mk + (1 - B1) * gk for mk, gk in zip(m, g)]
            v = [B2 * vk + (1 - B2) * gk * gk for vk, gk in zip(v, g)]
            m_hat = [mk / (1 - B1 ** t) for mk in m]
            v_hat = [vk / (1 - B2 ** t) for vk in v]
            p = [pk - lr * mh / (math.sqrt(vh) + EPS) for pk, mh, vh in zip(p, m_hat, v_hat)]
        print(f"  step {t}: loss {loss:.12f}, correct {correct}")
        print("    parameters " + ", ".join(f"{x:.10f}" for x in p))
    if optimizer == "adam":
        print("    first moment  " + ", ".join(f"{x:.12e}" for x in m))
        print("    second moment " + ", ".join(f"{x:.12e}" for x in v))


TANH = (math.tanh, lambda z: 1 - math.tanh(z) ** 2)
LINEAR = (lambda z: z, lambda z: 1.0)

# 2-2-1, tanh hidden layer. Parameter order: W1 row-major, b1, W2, b2 (the Java layout).
NET = [([[0.5, -0.25], [0.75, 0.125]], [0.125, -0.5]),
       ([[1.0, -0.75]], [0.25])]
X = [[0.25, 0.75], [1.0, 0.5], [0.5, 0.0]]
Y = [1.0, 0.0, 1.0]

print("Adam, lr 0.05, weight decay 0.1, 2-2-1 tanh:")
train(NET, X, Y, TANH, "adam", 0.05, 0.1, 3)
print("SGD, lr 0.5, weight decay 0.1, 2-2-1 tanh:")
train(NET, X, Y, TANH, "sgd", 0.5, 0.1, 2)

# No hidden layer; x2 is 0 at both points, so w2's gradient is its weight decay alone,
# 0.01 * 2^-27 (about 7.45e-11), far below eps: Adam moves it by lr * g / (|g| + eps), not by lr.
TINY = [([[0.5, 2.0 ** -27]], [0.0])]
print("Adam, lr 0.1, weight decay 0.01, 2-1, a gradient far below eps:")
train(TINY, [[0.25, 0.0], [0.75, 0.0]], [1.0, 0.0], LINEAR, "adam", 0.1, 0.01, 1)
