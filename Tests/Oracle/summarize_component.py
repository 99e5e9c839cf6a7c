# The Python twin of the Swift component `Summarize` (Tests/KFPTests/SwiftComponentFixtures.swift):
# SwiftComponentOracleTests runs both on the same executor input, this one through
# `python -m kfp.dsl.executor_main`, and compares what they write.
from typing import List, NamedTuple, Optional

from kfp import dsl
from kfp.dsl import Dataset, Input, Metrics, Model, Output


@dsl.component
def summarize(
    numbers: List[int],
    style: dict,
    data: Input[Dataset],
    report: Output[Dataset],
    metrics: Output[Metrics],
    scale: float = 2.0,
    title: Optional[str] = None,
    extras: Optional[Input[List[Model]]] = None,
) -> NamedTuple('Outputs', total=float, count=int):
    with open(data.path) as f:
        text = f.read()
    total = float(sum(numbers) * scale)
    heading = style['prefix'] * style['repeats'] + (title or 'untitled')
    extra_names = ','.join(m.name for m in (extras or []))
    with open(report.path, 'w') as f:
        f.write(f'{heading}: {int(total)}\nextras: {extra_names}\n{text}')
    report.metadata['lines'] = len([line for line in text.split('\n') if line])
    metrics.log_metric('total', total)
    metrics.log_metric('count', float(len(numbers)))
    outputs = NamedTuple('Outputs', total=float, count=int)
    return outputs(total, len(numbers))
