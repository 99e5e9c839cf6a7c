# An independent k-nearest-neighbours check for the wine example: reads the training and test
# files a run's split step wrote, classifies the test rows with k neighbours (standardized with the
# training means and population deviations when asked; squared Euclidean distance, ties to the
# earlier row; the most votes wins, the lowest class on a tie) and prints the confusion matrix as
# JSON. Usage: knn_check.py TRAIN TEST K STANDARDIZE(0|1)
import json
import sys


def read(path):
    with open(path) as f:
        lines = [line for line in f.read().split('\n') if line]
    header = lines[0].split(',')
    width = int(header[1])
    rows = []
    for line in lines[1:]:
        fields = line.split(',')
        rows.append(([float(v) for v in fields[:width]], int(fields[width])))
    return header[2:], rows


classes, train = read(sys.argv[1])
_, test = read(sys.argv[2])
k = int(sys.argv[3])
standardize = sys.argv[4] == '1'
width = len(train[0][0])
means = [0.0] * width
scales = [1.0] * width
if standardize:
    for c in range(width):
        values = [r[0][c] for r in train]
        mean = sum(values) / len(values)
        variance = sum((v - mean) ** 2 for v in values) / len(values)
        means[c] = mean
        scales[c] = variance ** 0.5 if variance > 0 else 1.0


def scaled(features):
    return [(features[c] - means[c]) / scales[c] for c in range(width)]


points = [(scaled(f), label) for f, label in train]
matrix = [[0] * len(classes) for _ in classes]
for features, label in test:
    x = scaled(features)
    distances = sorted(
        (sum((a - b) ** 2 for a, b in zip(p, x)), i) for i, (p, _) in enumerate(points))
    votes = [0] * len(classes)
    for _, i in distances[:k]:
        votes[points[i][1]] += 1
    best = max(range(len(classes)), key=lambda c: (votes[c], -c))
    matrix[label][best] += 1
print(json.dumps(matrix))
