#include "cuda/cudnn_convolution.hpp"

#include <algorithm>
#include <string>

#include "cuda/cuda_backend.hpp"
#include "cuda/cuda_check.hpp"

namespace spv {

namespace {

// Forward form, per axis (up == 1): pre neuron i reaches post p at patch offset o = p - patch_start(i), where
// patch_start(i) = floor((i - lead) / down); with i = down p + r - window the offset is o = patch - 1 - r / down
// for r in [0, down patch), so the filter has down * patch cells and the window is (patch - 1) down - lead.
int lead(const ConvAxisShape& a) { return a.down > 1 ? a.down * (a.patch - 1) / 2 : (a.patch - 1) / 2; }
int forward_window(const ConvAxisShape& a) { return (a.patch - 1) * a.down - lead(a); }
int forward_cells(const ConvAxisShape& a) { return a.patch * a.down; }

// Backward-data form, per axis (down == 1): pre neurons needed beyond the tile edge, made symmetric, and the pad
// that puts pre window index j's patch at post up (j - window) - (patch - up) / 2.
int backward_window(const ConvAxisShape& a) {
  const int extent = (a.patch - a.up) / 2;
  return std::max((a.patch - 1 - extent) / a.up, (extent + a.up - 1) / a.up);
}
int backward_pad(const ConvAxisShape& a) { return backward_window(a) * a.up + (a.patch - a.up) / 2; }

bool forward_form(const ConvShape& s) { return s.x.up == 1 && s.y.up == 1; }

// filter[fp][r][s][f] (KRSC) from kernels[(cell_y * down_x + cell_x) * nf_pre + f][o_y][o_x][fp], one thread each.
__global__ void rearrange_kernel(ConvAxisShape ax, ConvAxisShape ay, int wx, int wy, int x0, int y0, int nf_pre,
                                 int nfp, const float* kernels, float* filter) {
  const int cells_x = ax.patch * ax.down, cells_y = ay.patch * ay.down;
  const long total = long(nfp) * cells_y * cells_x * nf_pre;
  const long i = long(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= total) return;
  const int f = int(i % nf_pre);
  const int s = int((i / nf_pre) % cells_x);
  const int r = int((i / (long(nf_pre) * cells_x)) % cells_y);
  const int fp = int(i / (long(nf_pre) * cells_x * cells_y));
  // The cell of pre neuron i = down p + r - window (global: + the tile's offset) is (r - window + offset) mod down.
  const int cell_x = ax.cell(s - wx + x0), cell_y = ay.cell(r - wy + y0);
  const int ox = ax.patch - 1 - s / ax.down, oy = ay.patch - 1 - r / ay.down;
  const long kernel = long(cell_y * ax.down + cell_x) * nf_pre + f;
  filter[i] = kernels[(kernel * ay.patch + oy) * long(ax.patch * nfp) + long(ox) * nfp + fp];
}

}  // namespace

bool CudnnConvolution::supports(const ConvShape& s) {
  const Halo& h = s.pre.halo;
  if (forward_form(s)) {
    const int wx = forward_window(s.x), wy = forward_window(s.y);
    if (wx < 0 || wy < 0 || h.lt < wx || h.rt < wx || h.dn < wy || h.up < wy) return false;
    // The output of a stride-down convolution over the window must be the post tile exactly.
    const int out_x = (s.pre.nx + 2 * wx - forward_cells(s.x)) / s.x.down + 1;
    const int out_y = (s.pre.ny + 2 * wy - forward_cells(s.y)) / s.y.down + 1;
    return out_x == s.post.nx && out_y == s.post.ny && s.pre.kx0 == s.x.down * s.post.kx0 &&
           s.pre.ky0 == s.y.down * s.post.ky0;
  }
  if (s.x.down != 1 || s.y.down != 1) return false;
  if (s.post.nx != s.x.up * s.pre.nx || s.post.ny != s.y.up * s.pre.ny) return false;
  if (s.post.kx0 != s.x.up * s.pre.kx0 || s.post.ky0 != s.y.up * s.pre.ky0) return false;
  const int wx = backward_window(s.x), wy = backward_window(s.y);
  return h.lt >= wx && h.rt >= wx && h.dn >= wy && h.up >= wy;
}

CudnnConvolution::CudnnConvolution(CudaBackend& backend, const ConvShape& s)
    : backend_(backend), shape_(s), forward_(forward_form(s)) {
  try {
    prepare();
  } catch (...) {
    release();  // a constructor that throws runs no destructor
    throw;
  }
}

void CudnnConvolution::prepare() {
  const ConvShape& s = shape_;
  CudaBackend& backend = backend_;
  const LayerGeometry& pre = s.pre;
  const LayerGeometry& post = s.post;
  const int wx = forward_ ? forward_window(s.x) : backward_window(s.x);
  const int wy = forward_ ? forward_window(s.y) : backward_window(s.y);
  pre_offset_ = long(pre.ext_index(-wx, -wy, 0));
  SPV_CUDNN(cudnnCreateTensorDescriptor(&pre_));
  SPV_CUDNN(cudnnCreateTensorDescriptor(&post_));
  SPV_CUDNN(cudnnCreateFilterDescriptor(&filter_));
  SPV_CUDNN(cudnnCreateConvolutionDescriptor(&conv_));
  const int win_w = pre.nx + 2 * wx, win_h = pre.ny + 2 * wy;
  SPV_CUDNN(cudnnSetTensor4dDescriptorEx(pre_, CUDNN_DATA_FLOAT, pre.nbatch, pre.nf, win_h, win_w,
                                         int(pre.neurons_ext()), 1, pre.nx_ext() * pre.nf, pre.nf));
  SPV_CUDNN(cudnnSetTensor4dDescriptorEx(post_, CUDNN_DATA_FLOAT, post.nbatch, s.nfp, post.ny, post.nx,
                                         int(post.neurons()), 1, post.nx * s.nfp, s.nfp));
  cudnnHandle_t h = backend.cudnn();
  std::size_t bytes = 0;
  int n = 0, c = 0, oh = 0, ow = 0;
  if (forward_) {
    // x = the pre window, y = the post channel, filter [nfp][cells_y][cells_x][nf_pre].
    SPV_CUDNN(cudnnSetFilter4dDescriptor(filter_, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NHWC, s.nfp, s.nf_pre,
                                         forward_cells(s.y), forward_cells(s.x)));
    SPV_CUDNN(cudnnSetConvolution2dDescriptor(conv_, 0, 0, s.y.down, s.x.down, 1, 1, CUDNN_CROSS_CORRELATION,
                                              CUDNN_DATA_FLOAT));
    SPV_CUDNN(cudnnSetConvolutionMathType(conv_, CUDNN_FMA_MATH));
    SPV_CUDNN(cudnnGetConvolution2dForwardOutputDim(conv_, pre_, filter_, &n, &c, &oh, &ow));
    if (n != post.nbatch || c != s.nfp || oh != post.ny || ow != post.nx)
      throw GpuError("cuDNN delivery: the convolution gives " + std::to_string(ow) + "x" + std::to_string(oh) +
                     " but the post tile is " + std::to_string(post.nx) + "x" + std::to_string(post.ny));
    cudnnConvolutionFwdAlgoPerf_t perf[CUDNN_CONVOLUTION_FWD_ALGO_COUNT];
    int found = 0;
    SPV_CUDNN(cudnnGetConvolutionForwardAlgorithm_v7(h, pre_, filter_, conv_, post_, CUDNN_CONVOLUTION_FWD_ALGO_COUNT,
                                                     &found, perf));
    int chosen = -1;
    for (int i = 0; i < found && chosen < 0; ++i)
      if (perf[i].status == CUDNN_STATUS_SUCCESS && perf[i].determinism == CUDNN_DETERMINISTIC) chosen = i;
    if (chosen < 0) throw GpuError("cuDNN offers no deterministic forward algorithm for this delivery");
    forward_algo_ = perf[chosen].algo;
    SPV_CUDNN(cudnnGetConvolutionForwardWorkspaceSize(h, pre_, filter_, conv_, post_, forward_algo_, &bytes));
    filter_values_ = DeviceBuffer<float>(std::size_t(s.nfp) * forward_cells(s.y) * forward_cells(s.x) * s.nf_pre);
  } else {
    // dy = the pre window, dx = the post channel, filter [nf_pre][nyp][nxp][nfp] = OpenPV's kernels as they are.
    SPV_CUDNN(cudnnSetFilter4dDescriptor(filter_, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NHWC, s.nf_pre, s.nfp, s.y.patch,
                                         s.x.patch));
    SPV_CUDNN(cudnnSetConvolution2dDescriptor(conv_, backward_pad(s.y), backward_pad(s.x), s.y.up, s.x.up, 1, 1,
                                              CUDNN_CROSS_CORRELATION, CUDNN_DATA_FLOAT));
    SPV_CUDNN(cudnnSetConvolutionMathType(conv_, CUDNN_FMA_MATH));
    SPV_CUDNN(cudnnGetConvolution2dForwardOutputDim(conv_, post_, filter_, &n, &c, &oh, &ow));
    if (n != pre.nbatch || c != pre.nf || oh != win_h || ow != win_w)
      throw GpuError("cuDNN delivery: the pre window is " + std::to_string(win_w) + "x" + std::to_string(win_h) +
                     " but the convolution gives " + std::to_string(ow) + "x" + std::to_string(oh));
    cudnnConvolutionBwdDataAlgoPerf_t perf[CUDNN_CONVOLUTION_BWD_DATA_ALGO_COUNT];
    int found = 0;
    SPV_CUDNN(cudnnGetConvolutionBackwardDataAlgorithm_v7(h, filter_, pre_, conv_, post_,
                                                          CUDNN_CONVOLUTION_BWD_DATA_ALGO_COUNT, &found, perf));
    int chosen = -1;
    for (int i = 0; i < found && chosen < 0; ++i)
      if (perf[i].status == CUDNN_STATUS_SUCCESS && perf[i].determinism == CUDNN_DETERMINISTIC) chosen = i;
    if (chosen < 0) throw GpuError("cuDNN offers no deterministic backward-data algorithm for this delivery");
    backward_algo_ = perf[chosen].algo;
    SPV_CUDNN(cudnnGetConvolutionBackwardDataWorkspaceSize(h, filter_, pre_, conv_, post_, backward_algo_, &bytes));
  }
  workspace_ = DeviceBuffer<unsigned char>(bytes);
}

CudnnConvolution::~CudnnConvolution() { release(); }

void CudnnConvolution::release() noexcept {
  if (conv_) cudnnDestroyConvolutionDescriptor(conv_);
  if (filter_) cudnnDestroyFilterDescriptor(filter_);
  if (post_) cudnnDestroyTensorDescriptor(post_);
  if (pre_) cudnnDestroyTensorDescriptor(pre_);
  conv_ = nullptr;
  filter_ = nullptr;
  post_ = nullptr;
  pre_ = nullptr;
}

void CudnnConvolution::deliver(const ConvDeliverArgs& args) {
  const float one = 1.0f;
  cudnnHandle_t h = backend_.cudnn();
  if (forward_) {
    const ConvShape& s = shape_;
    const long total = long(filter_values_.size());
    // Weights may have changed since the last step (learning): rearranging costs one pass over the filter.
    rearrange_kernel<<<int((total + 255) / 256), 256, 0, backend_.stream()>>>(
        s.x, s.y, forward_window(s.x), forward_window(s.y), s.pre.kx0, s.pre.ky0, s.nf_pre, s.nfp, args.kernels,
        filter_values_.data());
    SPV_CUDA_LAUNCHED();
    SPV_CUDNN(cudnnConvolutionForward(h, &one, pre_, args.activity + pre_offset_, filter_, filter_values_.data(), conv_,
                                      forward_algo_, workspace_.data(), workspace_.bytes(), &one, post_, args.gsyn));
    return;
  }
  SPV_CUDNN(cudnnConvolutionBackwardData(h, &one, filter_, args.kernels, pre_, args.activity + pre_offset_, conv_,
                                         backward_algo_, workspace_.data(), workspace_.bytes(), &one, post_,
                                         args.gsyn));
}

}  // namespace spv
