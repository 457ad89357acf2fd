return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, stopTime = 10 },
  Input = { groupType = "ConstantLayer" nf = 1 },
}
