# Finds nvcc and cuDNN for SPV_WITH_CUDA; a requested GPU build never silently drops to CPU: anything missing is fatal.
if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
  set(CMAKE_CUDA_ARCHITECTURES 90)
endif()
include(CheckLanguage)
check_language(CUDA)
if(NOT CMAKE_CUDA_COMPILER)
  message(FATAL_ERROR "SPV_WITH_CUDA=ON but no CUDA compiler (nvcc) was found; put nvcc on PATH or set SPV_WITH_CUDA=OFF")
endif()
enable_language(CUDA)
# The .cu files include core headers, which are C++20. CMake 3.25 predates nvcc 13 and does not know its C++20
# flag, so teach it; the CUDA dialect then follows the project's CXX_STANDARD.
set(CMAKE_CUDA20_STANDARD_COMPILE_OPTION "-std=c++20")
set(CMAKE_CUDA20_EXTENSION_COMPILE_OPTION "-std=c++20")
set(CMAKE_CUDA_STANDARD 20)
set(CMAKE_CUDA_STANDARD_REQUIRED ON)
find_package(CUDAToolkit REQUIRED)
find_path(CUDNN_INCLUDE_DIR cudnn.h HINTS ${CUDAToolkit_INCLUDE_DIRS} ${CUDAToolkit_LIBRARY_ROOT}/include)
find_library(CUDNN_LIBRARY cudnn HINTS ${CUDAToolkit_LIBRARY_DIR} ${CUDAToolkit_LIBRARY_ROOT}/lib64
             ${CUDAToolkit_LIBRARY_ROOT}/lib)
if(NOT CUDNN_INCLUDE_DIR OR NOT CUDNN_LIBRARY)
  message(FATAL_ERROR "SPV_WITH_CUDA=ON but cuDNN was not found beside the CUDA toolkit "
                      "(cudnn.h: ${CUDNN_INCLUDE_DIR}, libcudnn: ${CUDNN_LIBRARY})")
endif()
message(STATUS "CUDA ${CUDAToolkit_VERSION}, cuDNN ${CUDNN_LIBRARY}, architectures ${CMAKE_CUDA_ARCHITECTURES}")
